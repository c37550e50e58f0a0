using System.Security.Cryptography;

namespace TicketPlatform.Webhooks;

/// <summary>
/// Endpoint secrets: made as Standard Webhooks defines them (<c>whsec_</c> + base64 of random bytes) and stored only
/// encrypted with AES-256-GCM, bound to their endpoint's id, so a reader of the database cannot sign as the platform.
/// </summary>
public sealed class WebhookSecrets(byte[] key)
{
    public const string Prefix = "whsec_";

    private const int SecretBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const string Version = "v1:";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public string Protect(Guid webhookId, string secret)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), webhookId.ToByteArray());
        return Version + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The secret; throws <see cref="CryptographicException"/> when it was sealed with another key or for another endpoint.</summary>
    public string Unprotect(Guid webhookId, string stored)
    {
        if (!stored.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown webhook secret format.");
        }

        var sealedBytes = Convert.FromBase64String(stored[Version.Length..]);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, webhookId.ToByteArray());
        return System.Text.Encoding.UTF8.GetString(plain);
    }
}
