using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Hosting;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Auth;

public static class SigningKeys
{
    /// <summary>
    /// The configured shared key; else, in the embedded profile only, the key kept in the data directory. A cluster
    /// node never makes a key of its own: the other nodes would not accept its tokens.
    /// </summary>
    public static SymmetricSecurityKey Resolve(AuthOptions options, IConfiguration configuration)
    {
        if (options.SigningKey is { Length: > 0 } configured)
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(configured));
        }

        if (HostingProfiles.From(configuration) == HostingProfile.Cluster)
        {
            throw new InvalidOperationException(
                $"The {HostingProfile.Cluster} profile needs {AuthOptions.Section}:SigningKey (base64, at least 32 bytes, the same on every node) or {AuthOptions.Section}:Authority.");
        }

        return new SymmetricSecurityKey(DevelopmentSigningKey.LoadOrCreate(DatabaseOptionsFactory.DataDirectory(configuration)));
    }
}
