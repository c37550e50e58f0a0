namespace TicketPlatform.Webhooks;

/// <summary>One event's delivery to one endpoint, as the delivery log shows it. Its id is the <c>webhook-id</c> header sent.</summary>
[GenerateSerializer, Immutable, Alias("tp.WebhookDeliveryView")]
public sealed record WebhookDeliveryView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string TicketNumber,
    [property: Id(2)] long Seq,
    [property: Id(3)] string Type,
    [property: Id(4)] WebhookDeliveryStatus Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] int? LastStatusCode,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? LastAttemptAt,
    [property: Id(9)] DateTimeOffset? NextAttemptAt,
    [property: Id(10)] DateTimeOffset CreatedAt);

/// <summary>PENDING: not tried yet; RETRYING: failed, tried again at nextAttemptAt; SUCCEEDED: a 2xx; DEAD: given up.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Retrying,
    Dead,
}
