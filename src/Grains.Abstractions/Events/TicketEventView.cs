namespace TicketPlatform.Events;

/// <summary>One entry of a ticket's immutable timeline. <see cref="Payload"/> is a JSON object.</summary>
[GenerateSerializer, Immutable, Alias("tp.TicketEventView")]
public sealed record TicketEventView(
    [property: Id(0)] string TicketNumber,
    [property: Id(1)] long Seq,
    [property: Id(2)] TicketEventType Type,
    [property: Id(3)] Guid ActorId,
    [property: Id(4)] EventVisibility Visibility,
    [property: Id(5)] string Payload,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] Guid? SubjectId = null);
