using TicketPlatform.Common;

namespace TicketPlatform.Attachments;

/// <summary>Finds the ticket of an attachment addressed by id alone and hands the call to that ticket's grain (key 0).</summary>
[Alias("tp.IAttachmentLookupGrain")]
public interface IAttachmentLookupGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<Result<StoredAttachment>> Get(Actor actor, Guid attachmentId);

    [Alias("Delete")]
    Task<Result<AttachmentView>> Delete(Actor actor, Guid attachmentId);
}
