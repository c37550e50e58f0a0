using System.Security.Cryptography;
using TicketPlatform.Api.Hosting;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// The embedded profile's signing key: 64 random bytes created on first use and kept in the data directory
/// (0600 in a 0700 directory), so the service and the token command agree without configuration. A key file that
/// group or others can open is refused: whoever reads it can mint an ADMIN token.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string FileName = "jwt-signing.key";

    public static byte[] LoadOrCreate(string dataDirectory)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            using var file = OwnerOnly.CreateFile(path);
            var key = RandomNumberGenerator.GetBytes(64);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadExisting(path);
        }
    }

    private static byte[] ReadExisting(string path)
    {
        if (OwnerOnly.ExposedMode(path) is { } mode)
        {
            throw new StartupRefusedException(
                $"The signing key {path} has mode {mode}: group or others can open it. " +
                $"Run `chmod 600 {path}` if nobody else has read it, otherwise delete it (a new key is made; tokens signed with the old one stop working).");
        }

        // Another process may be writing it this very moment.
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length > 0 || attempt == 20)
            {
                return Decode(path, text);
            }

            Thread.Sleep(50);
        }
    }

    private static byte[] Decode(string path, string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new StartupRefusedException($"The signing key {path} is not base64; delete it to get a new key.");
        }
    }
}
