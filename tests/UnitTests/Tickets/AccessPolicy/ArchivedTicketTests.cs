using TicketPlatform.Tickets;
using static TicketPlatform.UnitTests.Tickets.AccessPolicy.Outcome;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

public sealed class ArchivedTicketTests
{
    public static TheoryData<TicketStatus, TicketRight, Caller, string> Cases => new()
    {
        { TicketStatus.Open, TicketRight.View, Caller.StrangerAdmin, Allowed },
        { TicketStatus.Open, TicketRight.Edit, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.ChangePriority, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.ChangeCategory, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.Comment, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.CommentInternal, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.ChangeStatus, Caller.StrangerAdmin, Archived },
        { TicketStatus.Resolved, TicketRight.Reopen, Caller.StrangerAdmin, Archived },
        { TicketStatus.Closed, TicketRight.Reopen, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.Assign, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.LockPriority, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.LockCategory, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.LockAssignment, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.ManageParticipants, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.Invite, Caller.StrangerAdmin, Archived },
        { TicketStatus.Open, TicketRight.Archive, Caller.StrangerAdmin, Allowed },
        { TicketStatus.Closed, TicketRight.Archive, Caller.StrangerAdmin, Allowed },

        { TicketStatus.Open, TicketRight.View, Caller.StrangerAgent, Allowed },
        { TicketStatus.Open, TicketRight.Edit, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.ChangePriority, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.ChangeCategory, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.Comment, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.CommentInternal, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.ChangeStatus, Caller.StrangerAgent, Archived },
        { TicketStatus.Resolved, TicketRight.Reopen, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.Assign, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.LockPriority, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.LockCategory, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.ManageParticipants, Caller.StrangerAgent, Archived },
        { TicketStatus.Open, TicketRight.Invite, Caller.StrangerAgent, Archived },

        { TicketStatus.Open, TicketRight.View, Caller.Requester, Allowed },
        { TicketStatus.Closed, TicketRight.View, Caller.Requester, Allowed },
        { TicketStatus.Open, TicketRight.Edit, Caller.Requester, Archived },
        { TicketStatus.Open, TicketRight.ChangePriority, Caller.Requester, Archived },
        { TicketStatus.Open, TicketRight.ChangeCategory, Caller.Requester, Archived },
        { TicketStatus.Open, TicketRight.Comment, Caller.Requester, Archived },
        { TicketStatus.Closed, TicketRight.Comment, Caller.Requester, Archived },
        { TicketStatus.Open, TicketRight.ChangeStatus, Caller.Requester, Archived },
        { TicketStatus.Open, TicketRight.ManageParticipants, Caller.Requester, Archived },
        { TicketStatus.Open, TicketRight.Invite, Caller.Requester, Archived },

        { TicketStatus.Open, TicketRight.View, Caller.ParticipantWithoutFlags, Allowed },
        { TicketStatus.Open, TicketRight.View, Caller.ParticipantCanEditAndComment, Allowed },
        { TicketStatus.Open, TicketRight.Edit, Caller.ParticipantCanEditAndComment, Archived },
        { TicketStatus.Open, TicketRight.ChangePriority, Caller.ParticipantCanEditAndComment, Archived },
        { TicketStatus.Open, TicketRight.ChangeCategory, Caller.ParticipantCanEditAndComment, Archived },
        { TicketStatus.Open, TicketRight.Comment, Caller.ParticipantCanEditAndComment, Archived },
        { TicketStatus.Open, TicketRight.ChangeStatus, Caller.ParticipantCanEditAndComment, Archived },
        { TicketStatus.Open, TicketRight.Invite, Caller.ParticipantCanEditAndComment, Archived },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_archived_ticket_stays_readable_refuses_every_write_and_can_still_be_restored_by_an_admin(
        TicketStatus status, TicketRight right, Caller caller, string expected) =>
        Assert.Equal(expected, Decide(right, caller, new TicketAccessFacts(status, Archived: true)));

    [Fact]
    public void The_table_tries_every_right_on_an_archived_ticket_as_admin()
    {
        var rightsTried = Cases
            .Select(row => row.Data)
            .Where(data => data.Item3 == Caller.StrangerAdmin)
            .Select(data => data.Item2)
            .Distinct();

        Assert.Equal(Enum.GetValues<TicketRight>().Order(), rightsTried.Order());
    }
}
