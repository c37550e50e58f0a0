namespace TicketPlatform.Tickets;

public enum ParticipantRole
{
    Requester,
    Participant,
    Staff,
}
