namespace TicketPlatform.Sla;

/// <summary>
/// A ticket's SLA clocks, part of the ticket's state and committed with it. <see cref="Policy"/> is the policy as it
/// was when chosen (null: none matched); the clocks count in its calendar until the policy is chosen again.
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.TicketSla")]
public sealed record TicketSla(
    [property: Id(0)] SlaPolicyView? Policy,
    [property: Id(1)] bool Paused,
    [property: Id(2)] SlaSpeaker LastPublicSpeaker,
    [property: Id(3)] SlaClock[] Clocks)
{
    public SlaClock? Clock(SlaKind kind) => Clocks.FirstOrDefault(clock => clock.Kind == kind);
}

/// <summary>Who wrote the ticket's last PUBLIC message: NEXT_RESPONSE starts when a customer speaks after staff.</summary>
public enum SlaSpeaker
{
    Nobody,
    Customer,
    Staff,
}

/// <summary>
/// One clock. <see cref="Elapsed"/> is the business time counted up to <see cref="CountingSince"/> (null while the
/// clock stands still: paused or met). <see cref="DueAt"/> and <see cref="WarnDueAt"/> are when the target and its
/// warning fraction are reached if nothing changes; <see cref="WarnedAt"/> and <see cref="BreachedAt"/> are set once,
/// by the evaluation that records them, so each is signalled exactly once.
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.SlaClock")]
public sealed record SlaClock(
    [property: Id(0)] SlaKind Kind,
    [property: Id(1)] TimeSpan Elapsed,
    [property: Id(2)] DateTimeOffset? CountingSince,
    [property: Id(3)] DateTimeOffset? PausedSince,
    [property: Id(4)] DateTimeOffset? DueAt,
    [property: Id(5)] DateTimeOffset? WarnDueAt,
    [property: Id(6)] DateTimeOffset? WarnedAt,
    [property: Id(7)] DateTimeOffset? MetAt,
    [property: Id(8)] DateTimeOffset? BreachedAt)
{
    public SlaClockState State =>
        BreachedAt is not null ? SlaClockState.Breached
        : MetAt is not null ? SlaClockState.Met
        : PausedSince is not null ? SlaClockState.Paused
        : SlaClockState.Running;
}
