namespace TicketPlatform.Api.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header and the <c>Idempotent-Replayed</c> response header.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const string Replayed = "Idempotent-Replayed";
    public const int MaxLength = 255;

    /// <summary>1–255 visible ASCII characters (no space, no control character), as one header value.</summary>
    public const string Pattern = "^[\\x21-\\x7E]{1,255}$";

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '\x21' and <= '\x7E');
}
