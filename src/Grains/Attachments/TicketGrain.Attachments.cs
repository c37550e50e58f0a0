using System.Globalization;
using TicketPlatform.Attachments;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Messages;

namespace TicketPlatform.Tickets;

/// <summary>
/// Attachment metadata of the ticket. The edge streams the bytes to the blob store first; the row and its
/// event are then committed in the ticket's transaction. Attachments of INTERNAL messages are staff-only.
/// </summary>
internal sealed partial class TicketGrain : ITicketAttachmentsGrain
{
    public async Task<Result<MessageView>> GetUploadTarget(Actor actor, Guid messageId)
    {
        var found = await VisibleMessage(actor, messageId);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (RefuseAttaching(new TicketChange(_ticket!, actor, clock.Now()), found.Value!) is { } refused)
        {
            return refused;
        }

        return found.Value!.ToView();
    }

    public Task<Result<AttachmentView>> AddAttachment(Actor actor, AddAttachment command)
    {
        var id = Guid.CreateVersion7();
        AttachmentRecord? added = null;
        return ExecuteReading(actor, AttachmentRules.Validate(command), async change =>
        {
            var found = await VisibleMessage(actor, command.MessageId);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var message = found.Value!;
            if (RefuseAttaching(change, message) is { } refused)
            {
                return refused;
            }

            change.EnrolActingStaff(EventAudience.Of(message.Visibility));
            change.Record(TicketEventType.AttachmentAdded, new AttachmentPayload(id, message.Id), EventAudience.Of(message.Visibility));
            added = new AttachmentRecord(
                id, Number, change.After.LastSeq, message.Id, message.Visibility, actor.UserId, command.FileName, command.ContentType,
                command.Size, command.Sha256, command.StorageName, change.Now, DeletedAt: null, DeletedBy: null);
            change.Stage(AttachmentStore.Insert(added));
            change.PushWith(added.ToView());
            return null;
        }, _ => added!.ToView());
    }

    public async Task<Result<Page<AttachmentView>>> ListAttachments(Actor actor, AttachmentListQuery query)
    {
        if (Visible(actor) is { } hidden)
        {
            return hidden;
        }

        if (Paging.Check<long>(query.Limit, query.Cursor, Cursor.TryDecodeSeq, out var afterSeq) is { } invalid)
        {
            return invalid;
        }

        if (query.MessageId is { } messageId && (await VisibleMessage(actor, messageId)).Error is { } unknown)
        {
            return unknown;
        }

        return await attachments.Page(Number, actor, query with { Cursor = null }, afterSeq ?? 0);
    }

    public async Task<Result<StoredAttachment>> GetAttachment(Actor actor, Guid attachmentId)
    {
        var found = await VisibleAttachment(actor, attachmentId);
        return found.IsSuccess ? new StoredAttachment(found.Value!.ToView(), found.Value!.StorageName) : found.Error!;
    }

    public Task<Result<AttachmentView>> DeleteAttachment(Actor actor, Guid attachmentId)
    {
        AttachmentRecord? deleted = null;
        return ExecuteReading(actor, invalid: null, async change =>
        {
            var found = await VisibleAttachment(actor, attachmentId);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var attachment = found.Value!;
            if (attachment.UploaderId != actor.UserId && !actor.IsStaff)
            {
                return DomainError.Forbidden("Only its uploader or staff may delete an attachment.", AccessReasons.Role);
            }

            if (Refuse(change, RightToWrite(attachment.Visibility)) is { } refused)
            {
                return refused;
            }

            change.EnrolActingStaff(EventAudience.Of(attachment.Visibility));
            deleted = DeleteAttachments(change, [attachment])[0];
            return null;
        }, _ => deleted!.ToView());
    }

    /// <summary>Soft-deletes <paramref name="attachments"/> in <paramref name="change"/>, one ATTACHMENT_DELETED each.</summary>
    private static List<AttachmentRecord> DeleteAttachments(TicketChange change, IEnumerable<AttachmentRecord> attachments)
    {
        var deleted = new List<AttachmentRecord>();
        foreach (var attachment in attachments)
        {
            var marked = attachment with { DeletedAt = change.Now, DeletedBy = change.Actor.UserId };
            change.Record(TicketEventType.AttachmentDeleted, new AttachmentPayload(attachment.Id, attachment.MessageId), EventAudience.Of(attachment.Visibility));
            change.Stage(AttachmentStore.MarkDeleted(marked));
            change.PushWith(marked.ToView());
            deleted.Add(marked);
        }

        return deleted;
    }

    /// <summary>The message's author or staff may attach, with the right to write on the message's visibility, while it is not deleted.</summary>
    private static DomainError? RefuseAttaching(TicketChange change, MessageRecord message)
    {
        if (message.AuthorId != change.Actor.UserId && !change.Actor.IsStaff)
        {
            return DomainError.Forbidden("Only the message's author or staff may attach files to it.", AccessReasons.Role);
        }

        return Refuse(change, RightToWrite(message.Visibility))
               ?? (message.IsDeleted ? DomainError.Conflict("The message was deleted.") : null);
    }

    private async Task<Result<AttachmentRecord>> VisibleAttachment(Actor actor, Guid attachmentId)
    {
        if (Visible(actor) is { } hidden)
        {
            return hidden;
        }

        var attachment = await attachments.Find(Number, attachmentId);
        return attachment is not null && attachment.IsVisibleTo(actor) ? attachment : DomainError.NotFound("Attachment");
    }
}
