using System.Security.Cryptography;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// The embedded profile's signing key: 64 random bytes created on first use and kept in the data directory,
/// so the service and the token command agree without configuration.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string FileName = "jwt-signing.key";

    public static byte[] LoadOrCreate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            var key = RandomNumberGenerator.GetBytes(64);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadExisting(path);
        }
    }

    private static byte[] ReadExisting(string path)
    {
        // Another process may be writing it this very moment.
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length > 0 || attempt == 20)
            {
                return Convert.FromBase64String(text);
            }

            Thread.Sleep(50);
        }
    }
}
