using TicketPlatform.Users;

namespace TicketPlatform.Tickets;

/// <summary>How the caller stands to one ticket, apart from their role.</summary>
public enum TicketRelation
{
    Stranger,
    Requester,
    Participant,
}

/// <summary>Who asks: the local role, the relation to the ticket and, for participants, their flags.</summary>
public sealed record TicketAccessSubject(UserRole Role, TicketRelation Relation, bool CanEdit = false, bool CanComment = false)
{
    public bool IsStaff => Role is UserRole.Agent or UserRole.Admin;
}

/// <summary>The facts of the ticket that rights depend on.</summary>
public sealed record TicketAccessFacts(
    TicketStatus Status,
    bool PriorityLocked = false,
    bool CategoryLocked = false,
    bool AssignmentLocked = false,
    bool Archived = false);

/// <summary>
/// The one place that decides who may do what on a ticket. Checks run in a fixed order so the reason is
/// stable: visibility, role or relationship, archived, status, lock.
/// </summary>
public static class TicketAccessPolicy
{
    public static Dictionary<TicketRight, AccessDecision> DecideAll(TicketAccessSubject who, TicketAccessFacts ticket) =>
        Enum.GetValues<TicketRight>().ToDictionary(right => right, right => Decide(right, who, ticket));

    public static AccessDecision Decide(TicketRight right, TicketAccessSubject who, TicketAccessFacts ticket)
    {
        if (!who.IsStaff && who.Relation == TicketRelation.Stranger)
        {
            return AccessDecision.Deny(AccessReasons.NotParticipant);
        }

        if (right == TicketRight.View)
        {
            return AccessDecision.Allow;
        }

        var byRole = DecideByRole(right, who);
        if (byRole is not null)
        {
            return byRole;
        }

        if (ticket.Archived && right != TicketRight.Archive)
        {
            return AccessDecision.Deny(AccessReasons.Archived);
        }

        return DecideByTicketState(right, who, ticket) ?? AccessDecision.Allow;
    }

    private static AccessDecision? DecideByRole(TicketRight right, TicketAccessSubject who)
    {
        var isRequester = who.Relation == TicketRelation.Requester;
        return right switch
        {
            TicketRight.Edit or TicketRight.ChangePriority or TicketRight.ChangeCategory
                or TicketRight.ChangeStatus or TicketRight.Invite => Flag(who, isRequester || who.CanEdit),
            TicketRight.Comment => Flag(who, isRequester || who.CanComment),
            TicketRight.ManageParticipants => Role(who.IsStaff || isRequester),
            TicketRight.CommentInternal or TicketRight.Reopen or TicketRight.Assign
                or TicketRight.LockPriority or TicketRight.LockCategory => Role(who.IsStaff),
            TicketRight.LockAssignment or TicketRight.Archive => Role(who.Role == UserRole.Admin),
            _ => null,
        };
    }

    private static AccessDecision? DecideByTicketState(TicketRight right, TicketAccessSubject who, TicketAccessFacts ticket) => right switch
    {
        TicketRight.ChangePriority when ticket.PriorityLocked => AccessDecision.Deny(AccessReasons.Locked),
        TicketRight.ChangeCategory when ticket.CategoryLocked => AccessDecision.Deny(AccessReasons.Locked),
        TicketRight.Assign when ticket.AssignmentLocked => AccessDecision.Deny(AccessReasons.Locked),
        TicketRight.ChangeStatus when TicketLifecycle.AllowedTargets(ticket.Status, who.IsStaff).Count == 0 => AccessDecision.Deny(AccessReasons.Status),
        TicketRight.Reopen when !TicketLifecycle.CanReopen(ticket.Status) => AccessDecision.Deny(AccessReasons.Status),
        TicketRight.Invite when ticket.Status == TicketStatus.Closed => AccessDecision.Deny(AccessReasons.Status),
        _ => null,
    };

    // Staff hold every participant flag; for everyone else a missing flag is a PERMISSION refusal.
    private static AccessDecision? Flag(TicketAccessSubject who, bool granted) =>
        who.IsStaff || granted ? null : AccessDecision.Deny(AccessReasons.Permission);

    private static AccessDecision? Role(bool granted) => granted ? null : AccessDecision.Deny(AccessReasons.Role);
}
