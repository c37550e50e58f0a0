using TicketPlatform.Tickets;
using static TicketPlatform.UnitTests.Tickets.AccessPolicy.Outcome;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

public sealed class StatusDependentRightsTests
{
    public static TheoryData<TicketRight, Caller, TicketStatus, string> Cases => new()
    {
        { TicketRight.ChangeStatus, Caller.Requester, TicketStatus.Open, Allowed },
        { TicketRight.ChangeStatus, Caller.Requester, TicketStatus.InProgress, Status },
        { TicketRight.ChangeStatus, Caller.Requester, TicketStatus.Resolved, Status },
        { TicketRight.ChangeStatus, Caller.Requester, TicketStatus.Closed, Status },
        { TicketRight.ChangeStatus, Caller.ParticipantCanEdit, TicketStatus.Open, Allowed },
        { TicketRight.ChangeStatus, Caller.ParticipantCanEdit, TicketStatus.InProgress, Status },
        { TicketRight.ChangeStatus, Caller.ParticipantCanEdit, TicketStatus.Resolved, Status },
        { TicketRight.ChangeStatus, Caller.ParticipantCanEdit, TicketStatus.Closed, Status },
        { TicketRight.ChangeStatus, Caller.ParticipantCanComment, TicketStatus.Open, Permission },
        { TicketRight.ChangeStatus, Caller.ParticipantCanComment, TicketStatus.InProgress, Permission },
        { TicketRight.ChangeStatus, Caller.ParticipantCanComment, TicketStatus.Resolved, Permission },
        { TicketRight.ChangeStatus, Caller.ParticipantCanComment, TicketStatus.Closed, Permission },
        { TicketRight.ChangeStatus, Caller.StrangerAgent, TicketStatus.Open, Allowed },
        { TicketRight.ChangeStatus, Caller.StrangerAgent, TicketStatus.InProgress, Allowed },
        { TicketRight.ChangeStatus, Caller.StrangerAgent, TicketStatus.Resolved, Allowed },
        { TicketRight.ChangeStatus, Caller.StrangerAgent, TicketStatus.Closed, Allowed },
        { TicketRight.ChangeStatus, Caller.StrangerAdmin, TicketStatus.Open, Allowed },
        { TicketRight.ChangeStatus, Caller.StrangerAdmin, TicketStatus.InProgress, Allowed },
        { TicketRight.ChangeStatus, Caller.StrangerAdmin, TicketStatus.Resolved, Allowed },
        { TicketRight.ChangeStatus, Caller.StrangerAdmin, TicketStatus.Closed, Allowed },

        { TicketRight.Reopen, Caller.StrangerAgent, TicketStatus.Open, Status },
        { TicketRight.Reopen, Caller.StrangerAgent, TicketStatus.InProgress, Status },
        { TicketRight.Reopen, Caller.StrangerAgent, TicketStatus.Resolved, Allowed },
        { TicketRight.Reopen, Caller.StrangerAgent, TicketStatus.Closed, Allowed },
        { TicketRight.Reopen, Caller.StrangerAdmin, TicketStatus.Open, Status },
        { TicketRight.Reopen, Caller.StrangerAdmin, TicketStatus.InProgress, Status },
        { TicketRight.Reopen, Caller.StrangerAdmin, TicketStatus.Resolved, Allowed },
        { TicketRight.Reopen, Caller.StrangerAdmin, TicketStatus.Closed, Allowed },
        { TicketRight.Reopen, Caller.Requester, TicketStatus.Resolved, Role },
        { TicketRight.Reopen, Caller.Requester, TicketStatus.Closed, Role },
        { TicketRight.Reopen, Caller.ParticipantCanEditAndComment, TicketStatus.Closed, Role },

        { TicketRight.Invite, Caller.Requester, TicketStatus.Open, Allowed },
        { TicketRight.Invite, Caller.Requester, TicketStatus.InProgress, Allowed },
        { TicketRight.Invite, Caller.Requester, TicketStatus.Resolved, Allowed },
        { TicketRight.Invite, Caller.Requester, TicketStatus.Closed, Status },
        { TicketRight.Invite, Caller.ParticipantCanEdit, TicketStatus.Resolved, Allowed },
        { TicketRight.Invite, Caller.ParticipantCanEdit, TicketStatus.Closed, Status },
        { TicketRight.Invite, Caller.StrangerAgent, TicketStatus.InProgress, Allowed },
        { TicketRight.Invite, Caller.StrangerAgent, TicketStatus.Closed, Status },
        { TicketRight.Invite, Caller.StrangerAdmin, TicketStatus.Closed, Status },

        { TicketRight.Comment, Caller.Requester, TicketStatus.Closed, Allowed },
        { TicketRight.Comment, Caller.ParticipantCanComment, TicketStatus.Closed, Allowed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rights_that_depend_on_the_status_follow_the_lifecycle(TicketRight right, Caller caller, TicketStatus status, string expected) =>
        Assert.Equal(expected, Decide(right, caller, new TicketAccessFacts(status)));
}
