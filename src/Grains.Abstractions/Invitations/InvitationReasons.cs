namespace TicketPlatform.Invitations;

/// <summary>
/// Reason codes of invitation conflicts, and of cancellations (the <c>reason</c> of INVITATION_CANCELLED and
/// the invitation's <c>cancelReason</c>).
/// </summary>
public static class InvitationReasons
{
    public const string AlreadyParticipant = "ALREADY_PARTICIPANT";
    public const string AlreadyInvited = "ALREADY_INVITED";
    public const string SelfInvitation = "SELF_INVITATION";
    public const string NotPending = "NOT_PENDING";
    public const string NotInvitee = "NOT_INVITEE";
    public const string NotInviter = "NOT_INVITER";

    /// <summary>Cancelled because the invitee was added as a participant directly.</summary>
    public const string AddedDirectly = "ADDED_DIRECTLY";

    /// <summary>Cancelled because the invitee, a staff member, joined the ticket by acting on it or being assigned.</summary>
    public const string StaffJoined = "STAFF_JOINED";

    /// <summary>Cancelled because its inviter left the ticket.</summary>
    public const string InviterLeft = "INVITER_LEFT";

    /// <summary>Cancelled because its inviter was removed from the ticket.</summary>
    public const string InviterRemoved = "INVITER_REMOVED";

    /// <summary>Cancelled by the inviter or by staff.</summary>
    public const string Withdrawn = "WITHDRAWN";
}
