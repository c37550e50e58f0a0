namespace TicketPlatform.Webhooks;

/// <summary>A row of the webhooks table.</summary>
internal sealed class WebhookRow
{
    public const string Columns =
        "id, url, description, events, include_internal, secret, previous_secret, previous_secret_expires_at, created_at, updated_at";

    public Guid Id { get; init; }

    public string Url { get; init; } = "";

    public string? Description { get; init; }

    public string Events { get; init; } = "";

    public bool IncludeInternal { get; init; }

    public string Secret { get; init; } = "";

    public string? PreviousSecret { get; init; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static object Parameters(WebhookRecord w) => new
    {
        w.Id,
        w.Url,
        w.Description,
        Events = string.Join(',', w.Events),
        w.IncludeInternal,
        Secret = w.SealedSecret,
        PreviousSecret = w.SealedPreviousSecret,
        w.PreviousSecretExpiresAt,
        w.CreatedAt,
        w.UpdatedAt,
    };

    public WebhookRecord ToRecord() => new(
        Id, Url, Description, Events.Split(',', StringSplitOptions.RemoveEmptyEntries), IncludeInternal,
        Secret, PreviousSecret, PreviousSecretExpiresAt, CreatedAt, UpdatedAt);
}

/// <summary>A row of the webhook_deliveries table.</summary>
internal class DeliveryRow
{
    public const string Columns =
        "d.id, d.ticket_number, d.seq, d.type, d.status, d.attempts, d.last_status_code, d.last_error, d.last_attempt_at, d.next_attempt_at, d.give_up_at, d.created_at";

    public Guid Id { get; init; }

    public string TicketNumber { get; init; } = "";

    public long Seq { get; init; }

    public string Type { get; init; } = "";

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public int? LastStatusCode { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset GiveUpAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public WebhookDeliveryView ToView() => new(
        Id, TicketNumber, Seq, Type, Common.EnumText.Parse<WebhookDeliveryStatus>(Status), Attempts, LastStatusCode, LastError,
        LastAttemptAt, NextAttemptAt, CreatedAt);
}

/// <summary>A delivery due now, with the event it carries.</summary>
internal sealed class DueDeliveryRow : DeliveryRow
{
    public Guid ActorId { get; init; }

    public string Visibility { get; init; } = "";

    public string Payload { get; init; } = "{}";

    public DateTimeOffset EventCreatedAt { get; init; }
}
