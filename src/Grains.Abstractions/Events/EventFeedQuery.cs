namespace TicketPlatform.Events;

/// <summary>The ADMIN audit feed's filters; newest first, keyset-paginated by the event's global position.</summary>
[GenerateSerializer, Immutable, Alias("tp.EventFeedQuery")]
public sealed record EventFeedQuery(
    [property: Id(0)] string? TicketNumber = null,
    [property: Id(1)] Guid? ActorId = null,
    [property: Id(2)] TicketEventType? Type = null,
    [property: Id(3)] DateTimeOffset? From = null,
    [property: Id(4)] DateTimeOffset? To = null,
    [property: Id(5)] int Limit = 20,
    [property: Id(6)] string? Cursor = null,
    [property: Id(7)] bool IncludeTotal = false);
