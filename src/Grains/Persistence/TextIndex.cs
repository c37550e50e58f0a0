namespace TicketPlatform.Persistence;

/// <summary>The full-text indexes of the service: tickets' title and description, and messages' text.</summary>
public enum TextIndex
{
    Tickets,
    Messages,
}
