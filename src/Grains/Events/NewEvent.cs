namespace TicketPlatform.Events;

/// <summary>An event row to append in a ticket's commit.</summary>
internal sealed record NewEvent(
    string TicketNumber,
    long Seq,
    TicketEventType Type,
    Guid ActorId,
    EventVisibility Visibility,
    Guid? SubjectId,
    string Payload,
    DateTimeOffset CreatedAt);
