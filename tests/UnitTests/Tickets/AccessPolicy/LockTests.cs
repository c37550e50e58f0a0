using TicketPlatform.Tickets;
using static TicketPlatform.UnitTests.Tickets.AccessPolicy.Outcome;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

public sealed class LockTests
{
    public enum LockedField
    {
        Priority,
        Category,
        Assignment,
    }

    public static TheoryData<LockedField, TicketRight, Caller, string> Cases => new()
    {
        { LockedField.Priority, TicketRight.ChangePriority, Caller.Requester, Locked },
        { LockedField.Priority, TicketRight.ChangePriority, Caller.ParticipantCanEdit, Locked },
        { LockedField.Priority, TicketRight.ChangePriority, Caller.ParticipantCanEditAndComment, Locked },
        { LockedField.Priority, TicketRight.ChangePriority, Caller.StrangerAgent, Locked },
        { LockedField.Priority, TicketRight.ChangePriority, Caller.ParticipantAgent, Locked },
        { LockedField.Priority, TicketRight.ChangePriority, Caller.StrangerAdmin, Locked },
        { LockedField.Priority, TicketRight.LockPriority, Caller.StrangerAgent, Allowed },
        { LockedField.Priority, TicketRight.LockPriority, Caller.StrangerAdmin, Allowed },
        { LockedField.Priority, TicketRight.ChangeCategory, Caller.Requester, Allowed },
        { LockedField.Priority, TicketRight.ChangeCategory, Caller.StrangerAdmin, Allowed },
        { LockedField.Priority, TicketRight.Assign, Caller.StrangerAgent, Allowed },

        { LockedField.Category, TicketRight.ChangeCategory, Caller.Requester, Locked },
        { LockedField.Category, TicketRight.ChangeCategory, Caller.ParticipantCanEdit, Locked },
        { LockedField.Category, TicketRight.ChangeCategory, Caller.ParticipantCanEditAndComment, Locked },
        { LockedField.Category, TicketRight.ChangeCategory, Caller.StrangerAgent, Locked },
        { LockedField.Category, TicketRight.ChangeCategory, Caller.ParticipantAgent, Locked },
        { LockedField.Category, TicketRight.ChangeCategory, Caller.StrangerAdmin, Locked },
        { LockedField.Category, TicketRight.LockCategory, Caller.StrangerAgent, Allowed },
        { LockedField.Category, TicketRight.LockCategory, Caller.StrangerAdmin, Allowed },
        { LockedField.Category, TicketRight.ChangePriority, Caller.Requester, Allowed },
        { LockedField.Category, TicketRight.ChangePriority, Caller.StrangerAdmin, Allowed },
        { LockedField.Category, TicketRight.Assign, Caller.StrangerAgent, Allowed },

        { LockedField.Assignment, TicketRight.Assign, Caller.StrangerAgent, Locked },
        { LockedField.Assignment, TicketRight.Assign, Caller.ParticipantAgent, Locked },
        { LockedField.Assignment, TicketRight.Assign, Caller.StrangerAdmin, Locked },
        { LockedField.Assignment, TicketRight.LockAssignment, Caller.StrangerAdmin, Allowed },
        { LockedField.Assignment, TicketRight.LockAssignment, Caller.StrangerAgent, Role },
        { LockedField.Assignment, TicketRight.Assign, Caller.Requester, Role },
        { LockedField.Assignment, TicketRight.ChangePriority, Caller.StrangerAgent, Allowed },
        { LockedField.Assignment, TicketRight.ChangeCategory, Caller.Requester, Allowed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_locked_field_refuses_its_change_to_everyone_while_lock_rights_and_other_fields_stay_open(
        LockedField locked, TicketRight right, Caller caller, string expected)
    {
        var ticket = new TicketAccessFacts(
            TicketStatus.Open,
            PriorityLocked: locked == LockedField.Priority,
            CategoryLocked: locked == LockedField.Category,
            AssignmentLocked: locked == LockedField.Assignment);

        Assert.Equal(expected, Decide(right, caller, ticket));
    }
}
