namespace TicketPlatform.Attachments;

/// <summary>The payload of ATTACHMENT_ADDED and ATTACHMENT_DELETED.</summary>
internal sealed record AttachmentPayload(Guid AttachmentId, Guid MessageId);
