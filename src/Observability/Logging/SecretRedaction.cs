using System.Buffers;
using System.Text.RegularExpressions;

namespace TicketPlatform.Observability.Logging;

/// <summary>Removes credentials from text bound for a log: bearer tokens, JWTs, <c>access_token</c> values, authorization and cookie headers.</summary>
public static partial class SecretRedaction
{
    public const string Mask = "[REDACTED]";

    /// <summary>A word every pattern below starts from, in any case: a line with none of them is returned after one vectorised scan.</summary>
    private static readonly SearchValues<string> Markers =
        SearchValues.Create(["bearer", "basic", "access_token", "authorization", "cookie", "eyJ"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="text"/> holds a word a secret starts from; text without one needs no <see cref="Redact"/>.</summary>
    public static bool MayHoldSecret(ReadOnlySpan<char> text) => text.ContainsAny(Markers);

    public static string Redact(string text) => MayHoldSecret(text)
        ? Jwt().Replace(
            HeaderValue().Replace(
                AccessToken().Replace(
                    Bearer().Replace(text, "${scheme}" + Mask),
                    "${name}" + Mask),
                "${name}" + Mask),
            Mask)
        : text;

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic)\s+)[A-Za-z0-9\-._~+/%]+=*", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?<name>\baccess_token(?:=|""\s*:\s*""|\\""\s*:\s*\\""))[^&\s""\\]+", RegexOptions.IgnoreCase)]
    private static partial Regex AccessToken();

    [GeneratedRegex(@"(?<name>\b(?:Authorization|Proxy-Authorization|Cookie|Set-Cookie)(?:""|\\"")?\s*[:=]\s*(?:\[\s*)?(?:""|\\"")?)[^""\\\]\r\n]+", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderValue();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();
}
