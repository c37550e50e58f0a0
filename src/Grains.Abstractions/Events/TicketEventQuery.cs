namespace TicketPlatform.Events;

[GenerateSerializer, Immutable, Alias("tp.TicketEventQuery")]
public sealed record TicketEventQuery(
    [property: Id(0)] long After = 0,
    [property: Id(1)] TicketEventType? Type = null,
    [property: Id(2)] int Limit = 50,
    [property: Id(3)] string? Cursor = null,
    [property: Id(4)] bool IncludeTotal = false);
