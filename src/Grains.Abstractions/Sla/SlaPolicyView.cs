using TicketPlatform.Tickets;

namespace TicketPlatform.Sla;

/// <summary>One SLA policy as the API shows it; targets are ISO-8601 durations.</summary>
[GenerateSerializer, Immutable, Alias("tp.SlaPolicyView")]
public sealed record SlaPolicyView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] SlaMatch Match,
    [property: Id(3)] SlaTargets Targets,
    [property: Id(4)] SlaCalendar Calendar,
    [property: Id(5)] TicketStatus[] PauseOn,
    [property: Id(6)] double WarnAt,
    [property: Id(7)] bool Active,
    [property: Id(8)] int SortOrder);

/// <summary>Which tickets a policy is for; a null list matches every value.</summary>
[GenerateSerializer, Immutable, Alias("tp.SlaMatch")]
public sealed record SlaMatch(
    [property: Id(0)] TicketPriority[]? Priorities,
    [property: Id(1)] Guid[]? CategoryIds);

/// <summary>Business time allowed per clock, as ISO-8601 durations (e.g. <c>PT4H</c>); a null target is no promise.</summary>
[GenerateSerializer, Immutable, Alias("tp.SlaTargets")]
public sealed record SlaTargets(
    [property: Id(0)] string? FirstResponse,
    [property: Id(1)] string? NextResponse,
    [property: Id(2)] string? Resolution);
