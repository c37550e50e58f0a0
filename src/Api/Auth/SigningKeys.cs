using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Hosting;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Auth;

public static class SigningKeys
{
    /// <summary>
    /// The configured shared key; else, in the embedded profile only, the key kept in the data directory. A cluster
    /// node never makes a key of its own: the other nodes would not accept its tokens. A key under 256 bits is refused.
    /// </summary>
    public static SymmetricSecurityKey Resolve(AuthOptions options, IConfiguration configuration)
    {
        if (options.SigningKey is { Length: > 0 } configured)
        {
            return Checked(Decode(configured), $"{AuthOptions.Section}:SigningKey");
        }

        if (HostingProfiles.From(configuration) == HostingProfile.Cluster)
        {
            throw new StartupRefusedException(
                $"The {HostingProfile.Cluster} profile needs {AuthOptions.Section}:SigningKey (base64, at least {AccessTokens.MinKeyBytes} bytes, the same on every node) or {AuthOptions.Section}:Authority.");
        }

        var dataDirectory = DatabaseOptionsFactory.DataDirectory(configuration);
        return Checked(DevelopmentSigningKey.LoadOrCreate(dataDirectory), Path.Combine(dataDirectory, DevelopmentSigningKey.FileName));
    }

    private static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new StartupRefusedException($"{AuthOptions.Section}:SigningKey is not base64.");
        }
    }

    private static SymmetricSecurityKey Checked(byte[] key, string source) =>
        key.Length >= AccessTokens.MinKeyBytes
            ? new SymmetricSecurityKey(key)
            : throw new StartupRefusedException(
                $"The signing key ({source}) has {key.Length * 8} bits; HS256 needs at least {AccessTokens.MinKeyBytes * 8}. " +
                "Make one with: head -c 48 /dev/urandom | base64 -w0");
}
