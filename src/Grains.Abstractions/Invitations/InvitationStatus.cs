namespace TicketPlatform.Invitations;

/// <summary>Where an invitation stands: PENDING until the invitee answers, someone cancels it, or it expires.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Cancelled,
    Expired,
}
