using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace TicketPlatform.Api.Preconditions;

/// <summary>
/// Strong entity tags of JSON representations: a digest of the exact bytes served, so two responses share a tag
/// only when they are byte for byte the same. A versioned representation (the ticket) carries its
/// <c>version</c> in front, so its tag follows the version and the ticket's grain can check it; other bodies are
/// hashed without being parsed.
/// </summary>
internal static class EntityTags
{
    private const int DigestBytes = 16;

    public static EntityTagHeaderValue Of(byte[] body, bool versioned)
    {
        var digest = Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, DigestBytes));
        return new EntityTagHeaderValue(versioned && VersionOf(body) is { } version ? $"\"{version}-{digest}\"" : $"\"{digest}\"");
    }

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
