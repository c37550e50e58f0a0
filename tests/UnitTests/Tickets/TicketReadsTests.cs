using System.Collections.Immutable;
using TicketPlatform.Common;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.UnitTests.Tickets;

public sealed class TicketReadsTests
{
    private static readonly Actor Staff = new(Guid.NewGuid(), UserRole.Agent);
    private static readonly Actor Requester = new(Guid.NewGuid(), UserRole.User);

    [Fact]
    public async Task A_state_is_answered_from_the_view_made_for_it_until_the_next_state_and_each_reader_gets_their_own_view()
    {
        var reads = new TicketReads();
        var first = State(version: 3, publicVersion: 2);

        var staffRead = reads.For(first, Staff);
        Assert.Same(staffRead, reads.For(first, Staff));
        Assert.Same((await staffRead).Value, reads.View(first, forStaff: true));
        Assert.Equal(3, (await staffRead).Value!.Version);
        Assert.Equal(2, (await reads.For(first, Requester)).Value!.Version);

        var next = first with { Title = "Printer fixed", Version = 4 };
        var afterChange = await reads.For(next, Staff);
        Assert.Equal(("Printer fixed", 4), (afterChange.Value!.Title, afterChange.Value.Version));
    }

    private static TicketState State(int version, int publicVersion)
    {
        var now = DateTimeOffset.UtcNow;
        return new TicketState(
            "TCK-2026-00001", "Printer on fire", "It burns.", TicketStatus.Open, TicketPriority.High, CategoryId: null, Requester.UserId,
            AssigneeId: null, PriorityLocked: false, CategoryLocked: false, AssignmentLocked: false, Archived: false, now, now,
            ResolvedAt: null, ClosedAt: null, version, LastSeq: version, ImmutableDictionary<Guid, Participant>.Empty, publicVersion, now);
    }
}
