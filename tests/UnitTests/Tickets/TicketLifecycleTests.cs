using TicketPlatform.Tickets;

namespace TicketPlatform.UnitTests.Tickets;

public sealed class TicketLifecycleTests
{
    private const TicketStatus Open = TicketStatus.Open;
    private const TicketStatus InProgress = TicketStatus.InProgress;
    private const TicketStatus Resolved = TicketStatus.Resolved;
    private const TicketStatus Closed = TicketStatus.Closed;

    private static readonly DateTimeOffset ResolvedEarlier = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosedEarlier = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 12, 30, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<(TicketStatus From, TicketStatus To, bool Staff, bool NonStaff)> Transitions =
    [
        (Open,       Open,       false, false),
        (Open,       InProgress, true,  false),
        (Open,       Resolved,   false, false),
        (Open,       Closed,     true,  true),
        (InProgress, Open,       true,  false),
        (InProgress, InProgress, false, false),
        (InProgress, Resolved,   true,  false),
        (InProgress, Closed,     false, false),
        (Resolved,   Open,       true,  false),
        (Resolved,   InProgress, true,  false),
        (Resolved,   Resolved,   false, false),
        (Resolved,   Closed,     true,  false),
        (Closed,     Open,       true,  false),
        (Closed,     InProgress, false, false),
        (Closed,     Resolved,   false, false),
        (Closed,     Closed,     false, false),
    ];

    public static TheoryData<TicketStatus, TicketStatus, bool> StaffTransitions =>
        new(Transitions.Select(row => (row.From, row.To, row.Staff)));

    public static TheoryData<TicketStatus, TicketStatus, bool> NonStaffTransitions =>
        new(Transitions.Select(row => (row.From, row.To, row.NonStaff)));

    public static TheoryData<TicketStatus, bool> Reopenable => new()
    {
        { Open, false },
        { InProgress, false },
        { Resolved, true },
        { Closed, true },
    };

    public static TheoryData<TicketStatus, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, DateTimeOffset?> TimestampMoves => new()
    {
        { Resolved, null, null, Now, null },
        { Open, ResolvedEarlier, null, null, null },
        { InProgress, ResolvedEarlier, null, null, null },
        { Closed, ResolvedEarlier, null, ResolvedEarlier, Now },
        { Closed, null, null, null, Now },
        { Open, ResolvedEarlier, ClosedEarlier, null, null },
        { Open, null, ClosedEarlier, null, null },
    };

    [Fact]
    public void Transition_table_covers_every_pair_of_states_exactly_once()
    {
        var states = Enum.GetValues<TicketStatus>();
        var expectedPairs = states.SelectMany(_ => states, (from, to) => (from, to));
        var tablePairs = Transitions.Select(row => (row.From, row.To)).ToList();

        Assert.Equal(tablePairs.Count, tablePairs.Distinct().Count());
        Assert.Equal(expectedPairs.Order(), tablePairs.Order());
    }

    [Theory]
    [MemberData(nameof(StaffTransitions))]
    public void Staff_may_take_exactly_the_transitions_of_the_lifecycle(TicketStatus from, TicketStatus to, bool allowed) =>
        Assert.Equal(allowed, TicketLifecycle.AllowedTargets(from, isStaff: true).Contains(to));

    [Theory]
    [MemberData(nameof(NonStaffTransitions))]
    public void Requester_and_editing_participants_may_only_close_an_open_ticket(TicketStatus from, TicketStatus to, bool allowed) =>
        Assert.Equal(allowed, TicketLifecycle.AllowedTargets(from, isStaff: false).Contains(to));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Allowed_targets_never_repeat_a_state(bool isStaff) =>
        Assert.All(Enum.GetValues<TicketStatus>(), from =>
        {
            var targets = TicketLifecycle.AllowedTargets(from, isStaff);
            Assert.Equal(targets.Count, targets.Distinct().Count());
        });

    [Theory]
    [MemberData(nameof(Reopenable))]
    public void Only_resolved_or_closed_tickets_can_be_reopened(TicketStatus from, bool expected) =>
        Assert.Equal(expected, TicketLifecycle.CanReopen(from));

    [Theory]
    [MemberData(nameof(TimestampMoves))]
    public void Resolved_and_closed_times_follow_the_status(
        TicketStatus to,
        DateTimeOffset? resolvedBefore,
        DateTimeOffset? closedBefore,
        DateTimeOffset? expectedResolvedAt,
        DateTimeOffset? expectedClosedAt)
    {
        var (resolvedAt, closedAt) = TicketLifecycle.Timestamps(to, resolvedBefore, closedBefore, Now);

        Assert.Equal(expectedResolvedAt, resolvedAt);
        Assert.Equal(expectedClosedAt, closedAt);
    }
}
