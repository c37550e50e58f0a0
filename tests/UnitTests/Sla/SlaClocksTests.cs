using TicketPlatform.Sla;
using TicketPlatform.Sla.Clocks;
using TicketPlatform.Tickets;
using static TicketPlatform.Sla.SlaKind;

namespace TicketPlatform.UnitTests.Sla;

/// <summary>
/// The clock rules on a 24×7 UTC policy (first response 10 min, next response 20 min, resolution 60 min, warning at
/// half), times in minutes after the ticket was opened.
/// </summary>
public sealed class SlaClocksTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static readonly SlaPolicyView Standard = Policy("PT10M", "PT20M", "PT60M");

    [Fact]
    public void Creation_applies_the_policy_and_starts_first_response_and_resolution()
    {
        var step = SlaClocks.Start(Standard, TicketStatus.Open, Opened);

        Assert.Equal([new SlaSignal.Applied(Standard.Id)], step.Signals);
        Assert.Equal([FirstResponse, Resolution], step.State.Clocks.Select(c => c.Kind));
        Assert.All(step.State.Clocks, c => Assert.Equal(SlaClockState.Running, c.State));
        Assert.Equal(At(10), step.State.Clock(FirstResponse)!.DueAt);
        Assert.Equal(At(5), step.State.Clock(FirstResponse)!.WarnDueAt);
        Assert.Equal(At(60), step.State.Clock(Resolution)!.DueAt);
    }

    [Fact]
    public void Without_a_matching_policy_nothing_is_applied_or_due()
    {
        var step = SlaClocks.Start(null, TicketStatus.Open, Opened);

        Assert.Empty(step.Signals);
        Assert.Empty(SlaClocks.Schedule(step.State));
        Assert.Null(SlaClocks.NextDueAt(step.State));
        Assert.Empty(SlaClocks.Evaluate(step.State, At(10_000)).Signals);
    }

    public static TheoryData<int, string[]> Evaluations => new()
    {
        // minutes after opening, signals of one evaluation of the fresh clocks
        { 4, [] },
        { 5, ["WARNING FIRST_RESPONSE 10"] },
        { 10, ["WARNING FIRST_RESPONSE 10", "BREACHED FIRST_RESPONSE 10"] },
        { 30, ["WARNING FIRST_RESPONSE 10", "BREACHED FIRST_RESPONSE 10", "WARNING RESOLUTION 60"] },
        { 90, ["WARNING FIRST_RESPONSE 10", "BREACHED FIRST_RESPONSE 10", "WARNING RESOLUTION 60", "BREACHED RESOLUTION 60"] },
    };

    [Theory]
    [MemberData(nameof(Evaluations))]
    public void An_evaluation_signals_what_fell_due_in_the_order_it_fell_due(int minute, string[] expected) =>
        Assert.Equal(expected, Describe(SlaClocks.Evaluate(Started(), At(minute)).Signals));

    [Fact]
    public void Each_warning_and_breach_is_signalled_exactly_once()
    {
        var signalled = new List<string>();
        var state = Started();
        foreach (var minute in new[] { 5, 5, 6, 10, 11, 10, 30, 60, 61, 600 })
        {
            var step = SlaClocks.Evaluate(state, At(minute));
            signalled.AddRange(Describe(step.Signals));
            state = step.State;
        }

        Assert.Equal(["WARNING FIRST_RESPONSE 10", "BREACHED FIRST_RESPONSE 10", "WARNING RESOLUTION 60", "BREACHED RESOLUTION 60"], signalled);
        Assert.Empty(SlaClocks.Schedule(state));
    }

    [Fact]
    public void A_public_staff_reply_meets_first_response_and_no_breach_follows()
    {
        var step = SlaClocks.MessagePosted(Started(), SlaMessage.StaffPublic, At(3));

        var clock = step.State.Clock(FirstResponse)!;
        Assert.Equal((SlaClockState.Met, At(3), TimeSpan.FromMinutes(3)), (clock.State, clock.MetAt, clock.Elapsed));
        Assert.Equal(["WARNING RESOLUTION 60", "BREACHED RESOLUTION 60"], Describe(SlaClocks.Evaluate(step.State, At(600)).Signals));
    }

    [Fact]
    public void An_internal_note_meets_nothing()
    {
        var step = SlaClocks.MessagePosted(Started(), SlaMessage.Internal, At(3));

        Assert.Equal(SlaClockState.Running, step.State.Clock(FirstResponse)!.State);
        Assert.Equal(At(10), step.State.Clock(FirstResponse)!.DueAt);
    }

    [Fact]
    public void A_reply_after_the_deadline_records_the_breach_before_meeting_the_clock()
    {
        var step = SlaClocks.MessagePosted(Started(), SlaMessage.StaffPublic, At(12));

        Assert.Equal(["WARNING FIRST_RESPONSE 10", "BREACHED FIRST_RESPONSE 10"], Describe(step.Signals));
        var clock = step.State.Clock(FirstResponse)!;
        Assert.Equal((SlaClockState.Breached, At(10), At(12)), (clock.State, clock.BreachedAt, clock.MetAt));
    }

    public static TheoryData<string[], int?> Conversations => new()
    {
        // public messages, one a minute from minute 1 (C customer, S staff); NEXT_RESPONSE's due minute after them (null: none running)
        { ["C"], null },
        { ["C", "C"], null },
        { ["S"], null },
        { ["S", "C"], 22 },
        { ["S", "C", "C"], 22 },
        { ["S", "C", "S"], null },
        { ["S", "C", "S", "C"], 24 },
        { ["C", "S", "C", "I"], 23 },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public void Next_response_runs_from_a_customer_message_after_staff_spoke_until_staff_answer(string[] speakers, int? dueMinute)
    {
        var state = Started();
        foreach (var (speaker, index) in speakers.Select((s, i) => (s, i)))
        {
            var message = speaker switch { "C" => SlaMessage.CustomerPublic, "S" => SlaMessage.StaffPublic, _ => SlaMessage.Internal };
            state = SlaClocks.MessagePosted(state, message, At(index + 1)).State;
        }

        var next = state.Clock(NextResponse);
        Assert.Equal(dueMinute is { } minute ? At(minute) : null, next is { State: SlaClockState.Running } ? next.DueAt : null);
    }

    [Fact]
    public void Resolving_meets_resolution_and_reopening_resumes_it_with_its_elapsed_time()
    {
        var resolved = SlaClocks.StatusChanged(Answered(), TicketStatus.Open, TicketStatus.Resolved, At(20)).State;
        var resolution = resolved.Clock(Resolution)!;
        Assert.Equal((SlaClockState.Met, TimeSpan.FromMinutes(20)), (resolution.State, resolution.Elapsed));
        Assert.Empty(SlaClocks.Schedule(resolved));

        var reopened = SlaClocks.StatusChanged(resolved, TicketStatus.Resolved, TicketStatus.Open, At(50)).State;
        resolution = reopened.Clock(Resolution)!;
        Assert.Equal((SlaClockState.Running, (DateTimeOffset?)null, At(90)), (resolution.State, resolution.MetAt, resolution.DueAt));
        Assert.Equal(["WARNING RESOLUTION 90", "BREACHED RESOLUTION 90"], Describe(SlaClocks.Evaluate(reopened, At(90)).Signals));
    }

    [Fact]
    public void Closing_a_resolved_ticket_keeps_resolution_met_and_reopening_from_closed_resumes_it()
    {
        var resolved = SlaClocks.StatusChanged(Answered(), TicketStatus.InProgress, TicketStatus.Resolved, At(20)).State;
        var closed = SlaClocks.StatusChanged(resolved, TicketStatus.Resolved, TicketStatus.Closed, At(30)).State;
        Assert.Equal(At(20), closed.Clock(Resolution)!.MetAt);

        var reopened = SlaClocks.StatusChanged(closed, TicketStatus.Closed, TicketStatus.Open, At(40)).State;
        Assert.Equal(At(80), reopened.Clock(Resolution)!.DueAt);
    }

    [Fact]
    public void Clocks_stand_still_while_the_status_is_in_pause_on_and_resume_keeping_elapsed_time()
    {
        var policy = Standard with { PauseOn = [TicketStatus.InProgress] };
        var state = SlaClocks.Start(policy, TicketStatus.Open, Opened).State;

        state = SlaClocks.StatusChanged(state, TicketStatus.Open, TicketStatus.InProgress, At(4)).State;
        Assert.All(state.Clocks, clock => Assert.Equal((SlaClockState.Paused, At(4), (DateTimeOffset?)null), (clock.State, clock.PausedSince, clock.DueAt)));
        Assert.Empty(SlaClocks.Evaluate(state, At(1_000)).Signals);

        state = SlaClocks.StatusChanged(state, TicketStatus.InProgress, TicketStatus.Open, At(30)).State;
        Assert.Equal((SlaClockState.Running, TimeSpan.FromMinutes(4), At(36)), (state.Clock(FirstResponse)!.State, state.Clock(FirstResponse)!.Elapsed, state.Clock(FirstResponse)!.DueAt));
        Assert.Equal(At(86), state.Clock(Resolution)!.DueAt);
    }

    [Fact]
    public void A_closed_ticket_waits_for_no_response_even_when_pause_on_is_empty()
    {
        var state = SlaClocks.Start(Standard with { PauseOn = [] }, TicketStatus.Open, Opened).State;

        state = SlaClocks.StatusChanged(state, TicketStatus.Open, TicketStatus.Closed, At(2)).State;

        Assert.Equal(SlaClockState.Paused, state.Clock(FirstResponse)!.State);
        Assert.Equal(SlaClockState.Met, state.Clock(Resolution)!.State);
        Assert.Empty(SlaClocks.Evaluate(state, At(1_000)).Signals);
    }

    [Fact]
    public void A_new_policy_keeps_the_elapsed_time_and_applies_its_own_targets()
    {
        var stricter = Policy("PT10M", "PT20M", "PT50M");

        var step = SlaClocks.PolicyChosen(Answered(), stricter, TicketStatus.Open, At(20));

        Assert.Equal([new SlaSignal.Applied(stricter.Id)], step.Signals);
        var resolution = step.State.Clock(Resolution)!;
        Assert.Equal((TimeSpan.FromMinutes(20), At(25), At(50)), (resolution.Elapsed, resolution.WarnDueAt, resolution.DueAt));
        Assert.Equal(stricter, step.State.Policy);
    }

    [Fact]
    public void A_new_policy_whose_target_has_already_passed_breaches_at_once()
    {
        var step = SlaClocks.PolicyChosen(Answered(), Policy("PT10M", "PT20M", "PT15M"), TicketStatus.Open, At(20));

        Assert.Equal(["APPLIED", "WARNING RESOLUTION 20", "BREACHED RESOLUTION 20"], Describe(step.Signals));
    }

    [Fact]
    public void The_same_policy_chosen_again_is_not_applied_again()
    {
        var step = SlaClocks.PolicyChosen(Answered(), Standard with { Name = "Renamed" }, TicketStatus.Open, At(20));

        Assert.Empty(step.Signals);
        Assert.Equal(At(60), step.State.Clock(Resolution)!.DueAt);
        Assert.Equal("Renamed", step.State.Policy!.Name);
    }

    [Fact]
    public void Losing_the_policy_stops_every_deadline_and_a_later_one_counts_on_from_what_had_elapsed()
    {
        var none = SlaClocks.PolicyChosen(Answered(), null, TicketStatus.Open, At(20));
        Assert.Equal([new SlaSignal.Applied(null)], none.Signals);
        Assert.Empty(SlaClocks.Schedule(none.State));

        var again = SlaClocks.PolicyChosen(none.State, Standard, TicketStatus.Open, At(100)).State;
        Assert.Equal((TimeSpan.FromMinutes(20), At(140)), (again.Clock(Resolution)!.Elapsed, again.Clock(Resolution)!.DueAt));
    }

    [Fact]
    public void Elapsed_time_is_counted_in_the_old_calendar_up_to_the_change()
    {
        // Office hours from 09:00 UTC on weekdays: 10:00–10:20 on Monday counts 20 minutes in either calendar;
        // from 10:20 on, the office policy counts only its hours.
        var office = Policy("PT10M", "PT20M", "PT60M") with
        {
            Calendar = new SlaCalendar("UTC", [new([SlaWeekday.Mon, SlaWeekday.Tue, SlaWeekday.Wed, SlaWeekday.Thu, SlaWeekday.Fri], "09:00", "10:30")], []),
        };

        var state = SlaClocks.PolicyChosen(Answered(), office, TicketStatus.Open, At(20)).State;

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 30, 0, TimeSpan.Zero), state.Clock(Resolution)!.DueAt);
    }

    [Fact]
    public void Deadlines_follow_the_business_calendar()
    {
        var office = Standard with
        {
            Targets = new SlaTargets("PT2H", null, null),
            Calendar = new SlaCalendar("Europe/Berlin", [new([SlaWeekday.Mon, SlaWeekday.Tue, SlaWeekday.Wed, SlaWeekday.Thu, SlaWeekday.Fri], "09:00", "17:00")], []),
        };
        var friday = new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.FromHours(1));

        var state = SlaClocks.Start(office, TicketStatus.Open, friday).State;

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(1)), state.Clock(FirstResponse)!.DueAt);
        Assert.Null(state.Clock(Resolution)!.DueAt);
    }

    [Fact]
    public void The_schedule_holds_what_is_still_to_come()
    {
        Assert.Equal(
            [new(FirstResponse, SlaDue.Warning, At(5)), new(FirstResponse, SlaDue.Breach, At(10)), new(Resolution, SlaDue.Warning, At(30)), new(Resolution, SlaDue.Breach, At(60))],
            SlaClocks.Schedule(Started()));

        var warned = SlaClocks.Evaluate(Started(), At(7)).State;
        Assert.Equal(
            [new(FirstResponse, SlaDue.Breach, At(10)), new(Resolution, SlaDue.Warning, At(30)), new(Resolution, SlaDue.Breach, At(60))],
            SlaClocks.Schedule(warned));
        Assert.Equal(At(10), SlaClocks.NextDueAt(warned));
    }

    [Fact]
    public void Staff_see_elapsed_and_remaining_seconds_of_each_clock_with_a_target()
    {
        var state = SlaClocks.Evaluate(Started(), At(12)).State;

        var view = SlaViews.Describe(state, At(12));

        Assert.Equal(Standard.Id, view.PolicyId);
        Assert.Equal(
            [
                new SlaClockView(FirstResponse, SlaClockState.Breached, At(10), 720, -120, null, null, At(10)),
                new SlaClockView(Resolution, SlaClockState.Running, At(60), 720, 2880, null, null, null),
            ],
            view.Targets);
        Assert.Equal(new SlaSummary(At(60), Breached: true), SlaViews.Summarize(state));
    }

    private static TicketSla Started() => SlaClocks.Start(Standard, TicketStatus.Open, Opened).State;

    /// <summary>Opened, and staff answered at minute 1.</summary>
    private static TicketSla Answered() => SlaClocks.MessagePosted(Started(), SlaMessage.StaffPublic, At(1)).State;

    private static DateTimeOffset At(int minute) => Opened.AddMinutes(minute);

    private static SlaPolicyView Policy(string firstResponse, string nextResponse, string resolution) => new(
        Guid.NewGuid(), "Standard", new SlaMatch(null, null), new SlaTargets(firstResponse, nextResponse, resolution),
        SlaCalendar.AroundTheClock(), [TicketStatus.Resolved], 0.5, Active: true, SortOrder: 1);

    private static string[] Describe(IEnumerable<SlaSignal> signals) => [.. signals.Select(signal => signal switch
    {
        SlaSignal.Applied => "APPLIED",
        SlaSignal.Warning w => $"WARNING {Text(w.Kind)} {(w.DueAt - Opened).TotalMinutes}",
        SlaSignal.Breached b => $"BREACHED {Text(b.Kind)} {(b.DueAt - Opened).TotalMinutes}",
        _ => signal.ToString()!,
    })];

    private static string Text(SlaKind kind) => TicketPlatform.Common.EnumText.Of(kind);
}
