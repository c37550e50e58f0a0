using System.Text.Json;
using TicketPlatform.Events;

namespace TicketPlatform.Api.Events;

/// <summary>An event as the API shows it: the payload is a JSON object, not a string.</summary>
public sealed record EventResponse(
    string TicketNumber,
    long Seq,
    TicketEventType Type,
    Guid ActorId,
    EventVisibility Visibility,
    JsonElement Payload,
    DateTimeOffset CreatedAt)
{
    public static EventResponse From(TicketEventView e) =>
        new(e.TicketNumber, e.Seq, e.Type, e.ActorId, e.Visibility, JsonSerializer.Deserialize<JsonElement>(e.Payload), e.CreatedAt);
}
