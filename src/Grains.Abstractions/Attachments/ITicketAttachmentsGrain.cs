using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Messages;

namespace TicketPlatform.Attachments;

/// <summary>The attachments of one ticket, keyed by its number: the same activation as the ticket's grain.</summary>
[Alias("tp.ITicketAttachmentsGrain")]
public interface ITicketAttachmentsGrain : IGrainWithStringKey
{
    /// <summary>The message a file would be attached to, if the caller may attach one now; asked before any byte is read.</summary>
    [Alias("GetUploadTarget"), ReadOnly]
    Task<Result<MessageView>> GetUploadTarget(Actor actor, Guid messageId);

    [Alias("AddAttachment")]
    Task<Result<AttachmentView>> AddAttachment(Actor actor, AddAttachment command);

    [Alias("ListAttachments"), ReadOnly]
    Task<Result<Page<AttachmentView>>> ListAttachments(Actor actor, AttachmentListQuery query);

    [Alias("GetAttachment"), ReadOnly]
    Task<Result<StoredAttachment>> GetAttachment(Actor actor, Guid attachmentId);

    [Alias("DeleteAttachment")]
    Task<Result<AttachmentView>> DeleteAttachment(Actor actor, Guid attachmentId);
}
