using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace TicketPlatform.TestSupport.Webhooks;

/// <summary>
/// An independent check of the Standard Webhooks signature, written from the specification and not from the platform's
/// signer: <c>v1,</c> + base64(HMAC-SHA256(key, "id.timestamp.body")), the key being the base64 after <c>whsec_</c>.
/// </summary>
public static class SignatureCheck
{
    public static bool SignedWith(ReceivedWebhook webhook, string secret)
    {
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}"));
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(mac));
        return webhook.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(signature => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), expected));
    }

    public static void AssertSignedWith(ReceivedWebhook webhook, string secret) =>
        Assert.True(SignedWith(webhook, secret), $"The signature of {webhook} does not verify: {webhook.Signature}");
}
