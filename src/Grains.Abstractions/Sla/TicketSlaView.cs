namespace TicketPlatform.Sla;

/// <summary>Staff only: a ticket's clocks as <c>GET /api/tickets/{number}/sla</c> shows them.</summary>
[GenerateSerializer, Immutable, Alias("tp.TicketSlaView")]
public sealed record TicketSlaView(
    [property: Id(0)] Guid? PolicyId,
    [property: Id(1)] SlaClockView[] Targets);

/// <summary>One clock that has a target; <see cref="RemainingSeconds"/> is negative once it is overdue.</summary>
[GenerateSerializer, Immutable, Alias("tp.SlaClockView")]
public sealed record SlaClockView(
    [property: Id(0)] SlaKind Kind,
    [property: Id(1)] SlaClockState State,
    [property: Id(2)] DateTimeOffset? DueAt,
    [property: Id(3)] long ElapsedSeconds,
    [property: Id(4)] long RemainingSeconds,
    [property: Id(5)] DateTimeOffset? PausedSince,
    [property: Id(6)] DateTimeOffset? MetAt,
    [property: Id(7)] DateTimeOffset? BreachedAt);

/// <summary>Staff only: the <c>sla</c> summary of a ticket in its detail and in lists.</summary>
[GenerateSerializer, Immutable, Alias("tp.SlaSummary")]
public sealed record SlaSummary(
    [property: Id(0)] DateTimeOffset? NextDueAt,
    [property: Id(1)] bool Breached);
