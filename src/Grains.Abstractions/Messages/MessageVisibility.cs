namespace TicketPlatform.Messages;

/// <summary>PUBLIC: everyone on the ticket; INTERNAL: an internal note, staff only.</summary>
public enum MessageVisibility
{
    Public,
    Internal,
}
