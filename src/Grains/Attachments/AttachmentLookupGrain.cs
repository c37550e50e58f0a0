using Orleans.Concurrency;
using TicketPlatform.Common;

namespace TicketPlatform.Attachments;

[StatelessWorker, Reentrant]
internal sealed class AttachmentLookupGrain(AttachmentStore store) : Grain, IAttachmentLookupGrain
{
    public Task<Result<StoredAttachment>> Get(Actor actor, Guid attachmentId) =>
        OnTicketOf(attachmentId, ticket => ticket.GetAttachment(actor, attachmentId));

    public Task<Result<AttachmentView>> Delete(Actor actor, Guid attachmentId) =>
        OnTicketOf(attachmentId, ticket => ticket.DeleteAttachment(actor, attachmentId));

    private async Task<Result<T>> OnTicketOf<T>(Guid attachmentId, Func<ITicketAttachmentsGrain, Task<Result<T>>> call) =>
        await store.TicketOf(attachmentId) is { } number
            ? await call(GrainFactory.GetGrain<ITicketAttachmentsGrain>(number))
            : DomainError.NotFound("Attachment");
}
