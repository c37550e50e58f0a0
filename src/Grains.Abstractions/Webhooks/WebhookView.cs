using System.Text.Json.Serialization;

namespace TicketPlatform.Webhooks;

/// <summary>
/// A registered webhook endpoint. <see cref="Secret"/> is present only in the answers to create and rotate-secret:
/// the secret is shown once and stored encrypted.
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.WebhookView")]
public sealed record WebhookView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string? Description,
    [property: Id(3)] string[] Events,
    [property: Id(4)] bool IncludeInternal,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] DateTimeOffset? PreviousSecretExpiresAt,
    [property: Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null);
