using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace TicketPlatform.Api.Preconditions;

/// <summary>
/// Strong entity tags. A ticket's tag is its version as the caller sees it, with the view it was read in (staff or
/// public): the ticket's grain moves that version with every change the view shows, so nothing needs hashing and the
/// grain can check the tag. Any other body gets a digest of the exact bytes served, without being parsed.
/// </summary>
internal static class EntityTags
{
    private const int DigestBytes = 16;

    public static EntityTagHeaderValue Of(byte[] body) =>
        new($"\"{Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, DigestBytes))}\"");

    public static EntityTagHeaderValue OfTicket(int version, bool staffView) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{version}-{(staffView ? "staff" : "public")}\""));

    /// <summary>The tag of a served body: a ticket's from its version, anything else's from its bytes.</summary>
    public static EntityTagHeaderValue Of(byte[] body, bool ticket, bool staffView) =>
        ticket && VersionOf(body) is { } version ? OfTicket(version, staffView) : Of(body);

    /// <summary>The top-level <c>version</c> of a JSON object, if it has one.</summary>
    public static int? VersionOf(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("version", out var version)
                && version.TryGetInt32(out var value)
                    ? value
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether one of the client's <paramref name="conditions"/> names <paramref name="current"/>: strong comparison
    /// for <c>If-Match</c>, weak for <c>If-None-Match</c> (RFC 9110 13.1.1 and 13.1.2).
    /// </summary>
    public static bool AnyMatches(IEnumerable<EntityTagHeaderValue> conditions, EntityTagHeaderValue current, bool strong) =>
        conditions.Any(condition => condition.Equals(EntityTagHeaderValue.Any) || condition.Compare(current, strong));
}
