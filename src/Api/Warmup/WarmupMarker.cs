using System.Security.Cryptography;
using System.Text;

namespace TicketPlatform.Api.Warmup;

/// <summary>
/// The header that marks this node's own warm-up requests, so that they leave no line in the request log and no count
/// in the HTTP metrics. Its value is a secret of this process: nobody else can keep a request of theirs out of the log
/// or the metrics with it.
/// </summary>
public sealed class WarmupMarker
{
    public const string HeaderName = "X-TicketPlatform-Warmup";

    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    // Asked on every request (the request log's level, the metrics): a request without the header costs one header lookup.
    public bool Marks(HttpContext context) =>
        context.Request.Headers[HeaderName] is [{ } sent] && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), Encoding.ASCII.GetBytes(Value));
}
