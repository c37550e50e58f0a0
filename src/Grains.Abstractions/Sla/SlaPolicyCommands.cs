using TicketPlatform.Tickets;

namespace TicketPlatform.Sla;

/// <summary>A new policy; absent <see cref="PauseOn"/>, <see cref="WarnAt"/> and <see cref="Active"/> take their defaults (RESOLVED, 0.75, true).</summary>
[GenerateSerializer, Immutable, Alias("tp.CreateSlaPolicy")]
public sealed record CreateSlaPolicy(
    [property: Id(0)] string Name,
    [property: Id(1)] SlaMatch? Match,
    [property: Id(2)] SlaTargets? Targets,
    [property: Id(3)] SlaCalendar? Calendar,
    [property: Id(4)] TicketStatus[]? PauseOn,
    [property: Id(5)] double? WarnAt,
    [property: Id(6)] bool? Active);

/// <summary>A null field is left as it is; a given object (match, targets, calendar) replaces the whole object.</summary>
[GenerateSerializer, Immutable, Alias("tp.EditSlaPolicy")]
public sealed record EditSlaPolicy(
    [property: Id(0)] string? Name,
    [property: Id(1)] SlaMatch? Match,
    [property: Id(2)] SlaTargets? Targets,
    [property: Id(3)] SlaCalendar? Calendar,
    [property: Id(4)] TicketStatus[]? PauseOn,
    [property: Id(5)] double? WarnAt,
    [property: Id(6)] bool? Active);

[GenerateSerializer, Immutable, Alias("tp.ReorderSlaPolicies")]
public sealed record ReorderSlaPolicies(
    [property: Id(0)] Guid[] Ids);
