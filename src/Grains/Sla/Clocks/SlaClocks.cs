using TicketPlatform.Tickets;

namespace TicketPlatform.Sla.Clocks;

/// <summary>
/// The pure rules of a ticket's SLA clocks. Every transition first records what fell due up to <c>now</c> (so a reply
/// after the deadline still yields the breach before it meets the clock), then applies the change, then records what
/// the change made due at once (a stricter policy on an old ticket). Nothing here reads a clock or a database.
/// </summary>
public static class SlaClocks
{
    private static readonly SlaKind[] StartedAtCreation = [SlaKind.FirstResponse, SlaKind.Resolution];

    /// <summary>The clocks of a new ticket: FIRST_RESPONSE and RESOLUTION count from its creation.</summary>
    public static SlaStep Start(SlaPolicyView? policy, TicketStatus status, DateTimeOffset now)
    {
        var terms = SlaTerms.Of(policy);
        var paused = IsPaused(terms, status);
        var clocks = StartedAtCreation.Select(kind => NewClock(kind, terms, paused, now)).ToArray();
        var state = new TicketSla(policy, paused, SlaSpeaker.Nobody, clocks);
        var after = Evaluate(state, now);
        return new SlaStep(after.State, policy is null ? after.Signals : [new SlaSignal.Applied(policy.Id), .. after.Signals]);
    }

    /// <summary>
    /// The status moved: RESOLVED and CLOSED meet RESOLUTION and leaving them resumes it with its elapsed time;
    /// every clock stands still while the status is in the policy's <c>pauseOn</c>, and while the ticket is CLOSED.
    /// </summary>
    public static SlaStep StatusChanged(TicketSla state, TicketStatus from, TicketStatus to, DateTimeOffset now) =>
        Transition(state, now, settled =>
        {
            var terms = SlaTerms.Of(settled.Policy);
            var paused = IsPaused(terms, to);
            var clocks = settled.Clocks.Select(clock =>
            {
                if (clock.Kind == SlaKind.Resolution && IsDone(to))
                {
                    return Meet(clock, terms, now);
                }

                if (clock.Kind == SlaKind.Resolution && IsDone(from) && clock.MetAt is not null)
                {
                    return Reopen(clock, terms, paused, now);
                }

                return paused ? Pause(clock, terms, now) : Resume(clock, terms, now);
            });
            return (settled with { Paused = paused, Clocks = [.. clocks] }, []);
        });

    /// <summary>A message was posted; see <see cref="SlaMessage"/> for what each kind does.</summary>
    public static SlaStep MessagePosted(TicketSla state, SlaMessage message, DateTimeOffset now) =>
        message == SlaMessage.Internal
            ? Evaluate(state, now)
            : Transition(state, now, settled =>
            {
                var terms = SlaTerms.Of(settled.Policy);
                if (message == SlaMessage.StaffPublic)
                {
                    var met = settled.Clocks.Select(clock => clock.Kind is SlaKind.FirstResponse or SlaKind.NextResponse ? Meet(clock, terms, now) : clock);
                    return (settled with { LastPublicSpeaker = SlaSpeaker.Staff, Clocks = [.. met] }, []);
                }

                var clocks = settled.LastPublicSpeaker == SlaSpeaker.Staff
                    ? [.. settled.Clocks.Where(clock => clock.Kind != SlaKind.NextResponse), NewClock(SlaKind.NextResponse, terms, settled.Paused, now)]
                    : settled.Clocks;
                return (settled with { LastPublicSpeaker = SlaSpeaker.Customer, Clocks = [.. clocks.OrderBy(clock => clock.Kind)] }, []);
            });

    /// <summary>
    /// The policy was chosen again (priority or category changed): the time counted so far is kept, counted in the old
    /// policy's calendar up to now, and the new policy's targets and calendar apply from now on. A recorded warning or
    /// breach stays recorded. The same policy again takes its current version (an edited policy reaches a ticket
    /// this way) without an SLA_APPLIED.
    /// </summary>
    public static SlaStep PolicyChosen(TicketSla state, SlaPolicyView? policy, TicketStatus status, DateTimeOffset now) =>
        Transition(state, now, settled =>
        {
            var before = SlaTerms.Of(settled.Policy);
            var after = SlaTerms.Of(policy);
            var paused = IsPaused(after, status);
            var clocks = settled.Clocks.Select(clock =>
            {
                var counted = Accrue(clock, before, now);
                if (paused)
                {
                    return Pause(counted, after, now);
                }

                return counted.CountingSince is null ? Resume(counted, after, now) : Plan(counted, after);
            });
            var next = settled with { Policy = policy, Paused = paused, Clocks = [.. clocks] };
            return (next, settled.Policy?.Id == policy?.Id ? [] : [new SlaSignal.Applied(policy?.Id)]);
        });

    /// <summary>
    /// Records every warning and breach due by <paramref name="now"/>, each once: a recorded moment is kept in the state
    /// (<see cref="SlaClock.WarnedAt"/>, <see cref="SlaClock.BreachedAt"/>, the moments they were due), so evaluating
    /// again finds nothing new. Signals come in the order of their moments.
    /// </summary>
    public static SlaStep Evaluate(TicketSla state, DateTimeOffset now)
    {
        var signals = new List<(DateTimeOffset At, SlaSignal Signal)>();
        var clocks = state.Clocks.Select(clock =>
        {
            if (clock.CountingSince is null || clock.DueAt is not { } dueAt)
            {
                return clock;
            }

            if (clock.WarnedAt is null && clock.BreachedAt is null && clock.WarnDueAt is { } warnAt && warnAt <= now)
            {
                signals.Add((warnAt, new SlaSignal.Warning(clock.Kind, dueAt)));
                clock = clock with { WarnedAt = warnAt };
            }

            if (clock.BreachedAt is null && dueAt <= now)
            {
                signals.Add((dueAt, new SlaSignal.Breached(clock.Kind, dueAt)));
                clock = clock with { BreachedAt = dueAt };
            }

            return clock;
        }).ToArray();
        return signals.Count == 0
            ? new SlaStep(state, [])
            : new SlaStep(state with { Clocks = clocks }, [.. signals.OrderBy(s => s.At).Select(s => s.Signal)]);
    }

    /// <summary>The moments still to come, for the due index: a warning not yet given and a breach not yet recorded per counting clock.</summary>
    public static IReadOnlyList<SlaDueMoment> Schedule(TicketSla state)
    {
        var moments = new List<SlaDueMoment>();
        foreach (var clock in state.Clocks.Where(clock => clock.CountingSince is not null && clock.BreachedAt is null && clock.DueAt is not null))
        {
            if (clock.WarnedAt is null && clock.WarnDueAt is { } warnAt)
            {
                moments.Add(new SlaDueMoment(clock.Kind, SlaDue.Warning, warnAt));
            }

            moments.Add(new SlaDueMoment(clock.Kind, SlaDue.Breach, clock.DueAt!.Value));
        }

        return moments;
    }

    /// <summary>The next moment a promise breaks if nothing changes; null when no counting clock has a target.</summary>
    public static DateTimeOffset? NextDueAt(TicketSla state) =>
        Schedule(state).Where(m => m.Due == SlaDue.Breach).Select(m => (DateTimeOffset?)m.At).Min();

    private static SlaStep Transition(TicketSla state, DateTimeOffset now, Func<TicketSla, (TicketSla State, IReadOnlyList<SlaSignal> Signals)> change)
    {
        var settled = Evaluate(state, now);
        var (changed, signals) = change(settled.State);
        var after = Evaluate(changed, now);
        return new SlaStep(after.State, [.. settled.Signals, .. signals, .. after.Signals]);
    }

    private static bool IsDone(TicketStatus status) => status is TicketStatus.Resolved or TicketStatus.Closed;

    private static bool IsPaused(SlaTerms? terms, TicketStatus status) =>
        status == TicketStatus.Closed || (terms?.PauseOn.Contains(status) ?? SlaPolicyDefaults.PauseOn.Contains(status));

    private static SlaClock NewClock(SlaKind kind, SlaTerms? terms, bool paused, DateTimeOffset now)
    {
        var clock = new SlaClock(kind, TimeSpan.Zero, paused ? null : now, paused ? now : null, null, null, null, null, null);
        return Plan(clock, terms);
    }

    /// <summary>Adds the business time since <see cref="SlaClock.CountingSince"/> (none without a policy) and counts on from now.</summary>
    private static SlaClock Accrue(SlaClock clock, SlaTerms? terms, DateTimeOffset now) =>
        clock.CountingSince is { } since
            ? clock with { Elapsed = clock.Elapsed + (terms?.Calendar.Between(since, now) ?? TimeSpan.Zero), CountingSince = now }
            : clock;

    private static SlaClock Pause(SlaClock clock, SlaTerms? terms, DateTimeOffset now) =>
        clock.CountingSince is null
            ? clock
            : Accrue(clock, terms, now) with { CountingSince = null, PausedSince = now, DueAt = null, WarnDueAt = null };

    private static SlaClock Resume(SlaClock clock, SlaTerms? terms, DateTimeOffset now) =>
        clock.PausedSince is null || clock.MetAt is not null
            ? clock
            : Plan(clock with { CountingSince = now, PausedSince = null }, terms);

    private static SlaClock Meet(SlaClock clock, SlaTerms? terms, DateTimeOffset now) =>
        clock.MetAt is not null
            ? clock
            : Accrue(clock, terms, now) with { CountingSince = null, PausedSince = null, WarnDueAt = null, MetAt = now };

    private static SlaClock Reopen(SlaClock clock, SlaTerms? terms, bool paused, DateTimeOffset now) =>
        Plan(clock with { MetAt = null, CountingSince = paused ? null : now, PausedSince = paused ? now : null }, terms);

    /// <summary>When the target and its warning fraction are reached if the clock keeps counting; nothing while it stands still.</summary>
    private static SlaClock Plan(SlaClock clock, SlaTerms? terms)
    {
        if (clock.CountingSince is not { } since || terms?.TargetOf(clock.Kind) is not { } target)
        {
            return clock.MetAt is null ? clock with { DueAt = null, WarnDueAt = null } : clock;
        }

        var dueAt = terms.Calendar.After(since, target - clock.Elapsed);
        var warnAt = terms.Calendar.After(since, (target * terms.WarnAt) - clock.Elapsed);
        return clock with { DueAt = Microseconds(dueAt), WarnDueAt = clock.WarnedAt is null ? Microseconds(warnAt) : null };
    }

    /// <summary>Moments are kept to the microsecond, like every stored time, so a reload gives back the same value.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
}
