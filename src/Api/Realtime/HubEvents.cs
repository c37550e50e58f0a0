using TicketPlatform.Api.Events;
using TicketPlatform.Events;

namespace TicketPlatform.Api.Realtime;

/// <summary>What a hub client receives: the ticket, the event's seq (for gap detection) and the event itself.</summary>
public sealed record HubEvent(string TicketNumber, long Seq, EventResponse Event);

/// <summary>The hub method a committed event is sent as: exactly one per event.</summary>
public static class HubEvents
{
    public static string NameOf(TicketEventType type) => type switch
    {
        TicketEventType.MessagePosted or TicketEventType.InternalNoteAdded => "new-message",
        TicketEventType.MessageEdited => "message-updated",
        TicketEventType.MessageDeleted => "message-deleted",
        TicketEventType.AttachmentAdded => "new-attachment",
        TicketEventType.AttachmentDeleted => "attachment-deleted",
        _ => "ticket-event",
    };
}
