namespace TicketPlatform.Tickets;

[GenerateSerializer, Immutable, Alias("tp.OpenTicket")]
public sealed record OpenTicket(
    [property: Id(0)] string Title,
    [property: Id(1)] string Description,
    [property: Id(2)] TicketPriority Priority,
    [property: Id(3)] Guid? CategoryId);

[GenerateSerializer, Immutable, Alias("tp.EditTicket")]
public sealed record EditTicket(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Description);

[GenerateSerializer, Immutable, Alias("tp.ChangeStatus")]
public sealed record ChangeStatus(
    [property: Id(0)] TicketStatus Status,
    [property: Id(1)] string? Reason);

[GenerateSerializer, Immutable, Alias("tp.ReopenTicket")]
public sealed record ReopenTicket(
    [property: Id(0)] string? Reason);

[GenerateSerializer, Immutable, Alias("tp.ChangePriority")]
public sealed record ChangePriority(
    [property: Id(0)] TicketPriority Priority);
