using TicketPlatform.Tickets;
using static TicketPlatform.UnitTests.Tickets.AccessPolicy.Outcome;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

public sealed class CheckOrderTests
{
    public static TheoryData<TicketStatus, bool, bool, TicketRight, Caller, string> Cases => new()
    {
        { TicketStatus.Closed, true, true, TicketRight.View, Caller.StrangerUser, NotParticipant },
        { TicketStatus.Closed, true, true, TicketRight.ChangePriority, Caller.StrangerUser, NotParticipant },
        { TicketStatus.Closed, true, true, TicketRight.Invite, Caller.StrangerUser, NotParticipant },
        { TicketStatus.Resolved, true, true, TicketRight.Reopen, Caller.StrangerUser, NotParticipant },

        { TicketStatus.Open, true, false, TicketRight.Edit, Caller.ParticipantCanComment, Permission },
        { TicketStatus.Open, true, false, TicketRight.ChangeStatus, Caller.ParticipantCanComment, Permission },
        { TicketStatus.Open, true, false, TicketRight.Invite, Caller.ParticipantCanComment, Permission },
        { TicketStatus.Open, true, false, TicketRight.Comment, Caller.ParticipantCanEdit, Permission },
        { TicketStatus.Open, true, false, TicketRight.ManageParticipants, Caller.ParticipantCanEditAndComment, Role },
        { TicketStatus.Open, true, false, TicketRight.Assign, Caller.Requester, Role },
        { TicketStatus.Open, true, false, TicketRight.Archive, Caller.Requester, Role },
        { TicketStatus.Open, true, false, TicketRight.LockAssignment, Caller.StrangerAgent, Role },
        { TicketStatus.Open, true, false, TicketRight.Archive, Caller.StrangerAgent, Role },
        { TicketStatus.Closed, true, false, TicketRight.Reopen, Caller.Requester, Role },

        { TicketStatus.Open, false, true, TicketRight.ChangePriority, Caller.ParticipantWithoutFlags, Permission },
        { TicketStatus.Open, false, true, TicketRight.ChangeCategory, Caller.ParticipantCanComment, Permission },
        { TicketStatus.Open, false, true, TicketRight.Assign, Caller.Requester, Role },
        { TicketStatus.Closed, false, false, TicketRight.ChangeStatus, Caller.ParticipantWithoutFlags, Permission },
        { TicketStatus.Closed, false, false, TicketRight.Invite, Caller.ParticipantCanComment, Permission },
        { TicketStatus.Open, false, false, TicketRight.Reopen, Caller.ParticipantWithoutFlags, Role },

        { TicketStatus.Closed, true, false, TicketRight.ChangeStatus, Caller.Requester, Archived },
        { TicketStatus.Closed, true, false, TicketRight.Invite, Caller.Requester, Archived },
        { TicketStatus.Open, true, false, TicketRight.Reopen, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, true, true, TicketRight.ChangePriority, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, true, true, TicketRight.ChangeCategory, Caller.Requester, Archived },
        { TicketStatus.Open, true, true, TicketRight.Assign, Caller.StrangerAdmin, Archived },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Visibility_then_role_or_flag_then_archived_then_status_or_lock_decide_the_reason(
        TicketStatus status, bool archived, bool everythingLocked, TicketRight right, Caller caller, string expected)
    {
        var ticket = new TicketAccessFacts(
            status,
            PriorityLocked: everythingLocked,
            CategoryLocked: everythingLocked,
            AssignmentLocked: everythingLocked,
            Archived: archived);

        Assert.Equal(expected, Decide(right, caller, ticket));
    }
}
