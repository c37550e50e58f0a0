using TicketPlatform.Attachments;
using TicketPlatform.Events;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Realtime;

/// <summary>One committed event with what it is about: the message or the attachment, as they are after the commit.</summary>
[GenerateSerializer, Immutable, Alias("tp.CommittedEvent")]
public sealed record CommittedEvent(
    [property: Id(0)] TicketEventView Event,
    [property: Id(1)] MessageView? Message = null,
    [property: Id(2)] AttachmentView? Attachment = null);

/// <summary>
/// What one commit tells the watching Api nodes: its events, in seq order, and the ticket after it, once as staff see
/// it and once as a USER does (whose version and updatedAt do not move with internal events).
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.TicketCommit")]
public sealed record TicketCommit(
    [property: Id(0)] string TicketNumber,
    [property: Id(1)] TicketView Ticket,
    [property: Id(3)] TicketView PublicTicket,
    [property: Id(2)] CommittedEvent[] Events);
