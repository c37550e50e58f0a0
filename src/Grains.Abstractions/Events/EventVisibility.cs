namespace TicketPlatform.Events;

/// <summary>PUBLIC: everyone on the ticket; INTERNAL: staff only; PERSONAL: its subject, its actor and staff.</summary>
public enum EventVisibility
{
    Public,
    Internal,
    Personal,
}
