namespace TicketPlatform.Sla.Clocks;

/// <summary>What staff are shown of a ticket's clocks at an instant.</summary>
public static class SlaViews
{
    /// <summary>The clocks that have a target in the current policy, FIRST_RESPONSE first.</summary>
    public static TicketSlaView Describe(TicketSla state, DateTimeOffset now)
    {
        var terms = SlaTerms.Of(state.Policy);
        var clocks = terms is null ? [] : state.Clocks
            .Where(clock => terms.TargetOf(clock.Kind) is not null)
            .OrderBy(clock => clock.Kind)
            .Select(clock =>
            {
                var elapsed = clock.Elapsed + (clock.CountingSince is { } since ? terms.Calendar.Between(since, now) : TimeSpan.Zero);
                var elapsedSeconds = WholeSeconds(elapsed);
                var remainingSeconds = WholeSeconds(terms.TargetOf(clock.Kind)!.Value) - elapsedSeconds;
                return new SlaClockView(clock.Kind, clock.State, clock.DueAt, elapsedSeconds, remainingSeconds, clock.PausedSince, clock.MetAt, clock.BreachedAt);
            })
            .ToArray();
        return new TicketSlaView(state.Policy?.Id, clocks);
    }

    /// <summary>The <c>sla</c> summary of ticket lists and detail.</summary>
    public static SlaSummary Summarize(TicketSla state) =>
        new(SlaClocks.NextDueAt(state), state.Clocks.Any(clock => clock.State == SlaClockState.Breached));

    private static long WholeSeconds(TimeSpan span) => (long)Math.Floor(span.TotalSeconds);
}
