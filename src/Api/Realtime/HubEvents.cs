using System.Text.Json.Serialization;
using TicketPlatform.Api.Events;
using TicketPlatform.Attachments;
using TicketPlatform.Events;
using TicketPlatform.Messages;
using TicketPlatform.Realtime;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// What a hub client receives for a committed event: the ticket, the event's seq (for gap detection), the event, and the
/// thing it is about, so that a client renders from the push alone.
/// </summary>
public sealed record HubEvent(
    string TicketNumber,
    long Seq,
    EventResponse Event,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MessageView? Message = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AttachmentView? Attachment = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TicketView? Ticket = null);

/// <summary>The hub method a committed event is sent as (exactly one per event), and its payload.</summary>
public static class HubEvents
{
    public const string RoomClosed = "room-closed";
    public const string Presence = "presence";
    public const string Typing = "typing";

    public static string NameOf(TicketEventType type) => type switch
    {
        TicketEventType.MessagePosted or TicketEventType.InternalNoteAdded => "new-message",
        TicketEventType.MessageEdited => "message-updated",
        TicketEventType.MessageDeleted => "message-deleted",
        TicketEventType.AttachmentAdded => "new-attachment",
        TicketEventType.AttachmentDeleted => "attachment-deleted",
        _ => "ticket-event",
    };

    /// <summary>
    /// The payload of <paramref name="committed"/>. Everyone who may see the event may see what it is about (an INTERNAL
    /// note's events are INTERNAL), so one payload serves every receiver.
    /// </summary>
    public static HubEvent For(CommittedEvent committed, TicketView ticket)
    {
        var e = committed.Event;
        var changedTicket = NameOf(e.Type) == "ticket-event" && !IsInvitationOnly(e.Type);
        return new HubEvent(e.TicketNumber, e.Seq, EventResponse.From(e), committed.Message, committed.Attachment, changedTicket ? ticket : null);
    }

    // Invitations are not part of the Ticket shape: their events leave it as it was (but for version and updatedAt).
    private static bool IsInvitationOnly(TicketEventType type) => type is TicketEventType.InvitationSent
        or TicketEventType.InvitationDeclined or TicketEventType.InvitationCancelled or TicketEventType.InvitationExpired;
}

/// <summary><c>room-closed</c>: the connection left the ticket's room because the user may no longer see it.</summary>
public sealed record RoomClosedPush(string TicketNumber, string Reason);

/// <summary><c>presence</c> (staff only): everyone watching the ticket, on every Api node.</summary>
public sealed record PresencePush(string TicketNumber, PresenceViewer[] Viewers);

/// <summary><c>typing</c>: someone is typing; receivers show it for <see cref="LapseMs"/> unless it is repeated.</summary>
public sealed record TypingPush(string TicketNumber, Guid UserId, string? Name, MessageVisibility Visibility, long LapseMs);

/// <summary>Why a connection left a room.</summary>
public static class RoomClosedReasons
{
    public const string Removed = "REMOVED";
    public const string Left = "LEFT";
    public const string Deactivated = "DEACTIVATED";
    public const string Demoted = "DEMOTED";

    /// <summary>The periodic re-check found that the user may no longer see the ticket.</summary>
    public const string AccessLost = "ACCESS_LOST";
}
