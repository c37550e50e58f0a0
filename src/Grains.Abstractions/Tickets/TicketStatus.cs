namespace TicketPlatform.Tickets;

public enum TicketStatus
{
    Open,
    InProgress,
    Resolved,
    Closed,
}
