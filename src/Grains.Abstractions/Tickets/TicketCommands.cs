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

[GenerateSerializer, Immutable, Alias("tp.ChangeCategory")]
public sealed record ChangeCategory(
    [property: Id(0)] Guid? CategoryId);

[GenerateSerializer, Immutable, Alias("tp.AssignTicket")]
public sealed record AssignTicket(
    [property: Id(0)] Guid AssigneeId);

[GenerateSerializer, Immutable, Alias("tp.ChangeLocks")]
public sealed record ChangeLocks(
    [property: Id(0)] bool? PriorityLocked,
    [property: Id(1)] bool? CategoryLocked,
    [property: Id(2)] bool? AssignmentLocked);
