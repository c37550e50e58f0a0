using TicketPlatform.Events;

namespace TicketPlatform.Webhooks;

/// <summary>A webhooks row: the endpoint with its secrets sealed by <see cref="WebhookSecrets"/>.</summary>
internal sealed record WebhookRecord(
    Guid Id,
    string Url,
    string? Description,
    string[] Events,
    bool IncludeInternal,
    string SealedSecret,
    string? SealedPreviousSecret,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const string AllEvents = "*";

    public WebhookView ToView(string? secret = null) =>
        new(Id, Url, Description, Events, IncludeInternal, CreatedAt, UpdatedAt, PreviousSecretExpiresAt, secret);

    /// <summary>The filter: the endpoint's event types (or all), and INTERNAL and PERSONAL events only with includeInternal.</summary>
    public bool Wants(string type, string visibility) =>
        (IncludeInternal || visibility == "PUBLIC") && (Events.Contains(AllEvents) || Events.Contains(type));
}
