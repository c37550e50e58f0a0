using System.Text.Json;
using TicketPlatform.Common;

namespace TicketPlatform.Webhooks;

/// <summary>
/// One message to send: its <c>webhook-id</c> (the delivery's id, so every retry carries the same) and its body,
/// <c>{ type, timestamp, data: { ticketNumber, seq, event } }</c>, built from the committed event alone, so it is the
/// same bytes on every attempt.
/// </summary>
internal sealed record WebhookMessage(string Id, string Type, string Body)
{
    public const string PingType = "WEBHOOK_PING";

    public static WebhookMessage Of(DueDeliveryRow d)
    {
        var payload = JsonSerializer.Deserialize<JsonElement>(d.Payload);
        var body = new
        {
            type = d.Type,
            timestamp = d.EventCreatedAt,
            data = new
            {
                ticketNumber = d.TicketNumber,
                seq = d.Seq,
                @event = new { ticketNumber = d.TicketNumber, seq = d.Seq, type = d.Type, actorId = d.ActorId, visibility = d.Visibility, payload, createdAt = d.EventCreatedAt },
            },
        };
        return new WebhookMessage(IdOf(d.Id), d.Type, DomainJson.Serialize(body));
    }

    public static WebhookMessage Ping(Guid webhookId, DateTimeOffset now) =>
        new(IdOf(Guid.CreateVersion7(now)), PingType, DomainJson.Serialize(new { type = PingType, timestamp = now, data = new { webhookId } }));

    /// <summary>The <c>webhook-id</c> of a delivery: <c>msg_</c> and its id, as the delivery log shows it.</summary>
    public static string IdOf(Guid deliveryId) => $"msg_{deliveryId:N}";
}
