namespace TicketPlatform.Sla.Clocks;

/// <summary>What a transition tells the ticket to record: each becomes one INTERNAL event.</summary>
public abstract record SlaSignal
{
    /// <summary>SLA_APPLIED: another policy (or none, <see cref="PolicyId"/> null) now governs the clocks.</summary>
    public sealed record Applied(Guid? PolicyId) : SlaSignal;

    /// <summary>SLA_WARNING: the clock reached the policy's warning fraction of its target.</summary>
    public sealed record Warning(SlaKind Kind, DateTimeOffset DueAt) : SlaSignal;

    /// <summary>SLA_BREACHED: the clock passed its target.</summary>
    public sealed record Breached(SlaKind Kind, DateTimeOffset DueAt) : SlaSignal;
}

/// <summary>The clocks after a transition, and what it signals, in order.</summary>
public sealed record SlaStep(TicketSla State, IReadOnlyList<SlaSignal> Signals);

/// <summary>One row of the due index: at <see cref="At"/> the clock <see cref="Kind"/> has <see cref="Due"/> due.</summary>
public sealed record SlaDueMoment(SlaKind Kind, SlaDue Due, DateTimeOffset At);
