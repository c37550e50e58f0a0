namespace TicketPlatform.Tickets;

/// <summary>Every right <c>TicketAccessPolicy</c> decides, in the order the permissions endpoint lists them.</summary>
public enum TicketRight
{
    View,
    Edit,
    ChangePriority,
    ChangeCategory,
    Comment,
    CommentInternal,
    ChangeStatus,
    Reopen,
    Assign,
    LockPriority,
    LockCategory,
    LockAssignment,
    ManageParticipants,
    Invite,
    Archive,
}
