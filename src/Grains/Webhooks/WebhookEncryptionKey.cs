using System.Security.Cryptography;

namespace TicketPlatform.Webhooks;

/// <summary>The key that seals endpoint secrets: from configuration, or a file in the data directory made once with mode 0600.</summary>
internal static class WebhookEncryptionKey
{
    public const string FileName = "webhook-secrets.key";
    public const int KeyBytes = 32;

    public static bool IsWellFormed(string configured)
    {
        var key = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(configured, key, out var written) && written == KeyBytes;
    }

    public static byte[] Load(WebhookOptions options, string dataDirectory)
    {
        if (options.EncryptionKey is { Length: > 0 } configured)
        {
            var key = Convert.FromBase64String(configured);
            return key.Length == KeyBytes
                ? key
                : throw new InvalidOperationException($"{WebhookOptions.Section}:EncryptionKey must be base64 of {KeyBytes} bytes.");
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            try
            {
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var file = new FileStream(path, create);
                file.Write(RandomNumberGenerator.GetBytes(KeyBytes));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process of the same data directory made it first: use theirs.
            }
        }

        var stored = File.ReadAllBytes(path);
        return stored.Length == KeyBytes ? stored : throw new InvalidOperationException($"{path} does not hold a {KeyBytes}-byte key.");
    }
}
