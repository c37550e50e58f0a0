using System.Globalization;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Messages;

namespace TicketPlatform.Tickets;

/// <summary>
/// The ticket's conversation. Messages are rows written in the ticket's commit and read from the database:
/// the grain holds none of them, so a write costs the same however long the conversation is.
/// </summary>
internal sealed partial class TicketGrain : ITicketMessagesGrain
{
    internal const string ReopenedByMessage = "MESSAGE_POSTED";

    public Task<Result<MessageView>> PostMessage(Actor actor, PostMessage command)
    {
        var id = Guid.CreateVersion7();
        MessageRecord? posted = null;
        return Execute(actor, MessageRules.Validate(command), change =>
        {
            if (Refuse(change, RightToWrite(command.Visibility)) is { } refused)
            {
                return refused;
            }

            change.EnrolActingStaff(EventAudience.Of(command.Visibility));
            var type = command.Visibility == MessageVisibility.Internal ? TicketEventType.InternalNoteAdded : TicketEventType.MessagePosted;
            change.Record(type, new MessagePayload(id), EventAudience.Of(command.Visibility));
            posted = new MessageRecord(id, Number, change.After.LastSeq, actor.UserId, command.Content, command.Visibility, change.Now,
                EditedAt: null, DeletedAt: null, DeletedBy: null);
            change.Stage(MessageStore.Insert(posted));
            change.PushWith(posted.ToView());
            if (command.Visibility == MessageVisibility.Public && change.After.Status == TicketStatus.Closed)
            {
                MoveTo(change, TicketStatus.Open, ReopenedByMessage);
            }

            return null;
        }, _ =>
        {
            metrics.MessagePosted();
            return posted!.ToView();
        });
    }

    public async Task<Result<MessageView>> GetMessage(Actor actor, Guid messageId)
    {
        var found = await VisibleMessage(actor, messageId);
        return found.IsSuccess ? found.Value!.ToView() : found.Error!;
    }

    public async Task<Result<Page<MessageView>>> ListMessages(Actor actor, MessageListQuery query)
    {
        if (Visible(actor) is { } hidden)
        {
            return hidden;
        }

        if (Paging.Check<long>(query.Limit, query.Cursor, Cursor.TryDecodeSeq, out var afterSeq) is { } invalid)
        {
            return invalid;
        }

        if (query.Before is { } before)
        {
            var anchor = await VisibleMessage(actor, before);
            return anchor.IsSuccess ? await messages.Before(Number, actor, anchor.Value!.Seq, query.Limit, query.IncludeTotal) : anchor.Error!;
        }

        return await messages.After(Number, actor, afterSeq ?? 0, query.Limit, query.IncludeTotal);
    }

    public Task<Result<MessageView>> EditMessage(Actor actor, EditMessage command)
    {
        MessageRecord? edited = null;
        return ExecuteReading(actor, MessageRules.Validate(command), async change =>
        {
            var found = await VisibleMessage(actor, command.MessageId);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var message = edited = found.Value!;
            if (message.AuthorId != actor.UserId)
            {
                return DomainError.Forbidden("Only its author may edit a message.", AccessReasons.Role);
            }

            if (Refuse(change, RightToWrite(message.Visibility)) is { } refused)
            {
                return refused;
            }

            if (message.IsDeleted)
            {
                return DomainError.Conflict("The message was deleted.");
            }

            if (command.Content == message.Content)
            {
                return null;
            }

            change.EnrolActingStaff(EventAudience.Of(message.Visibility));
            edited = message with { Content = command.Content, EditedAt = change.Now };
            change.Record(TicketEventType.MessageEdited, new MessagePayload(message.Id), EventAudience.Of(message.Visibility));
            change.Stage(MessageStore.Edit(edited));
            change.PushWith(edited.ToView());
            return null;
        }, _ => edited!.ToView());
    }

    public Task<Result<MessageView>> DeleteMessage(Actor actor, Guid messageId)
    {
        MessageRecord? deleted = null;
        return ExecuteReading(actor, invalid: null, async change =>
        {
            var found = await VisibleMessage(actor, messageId);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var message = deleted = found.Value!;
            if (message.AuthorId != actor.UserId && !actor.IsAdmin)
            {
                return DomainError.Forbidden("Only its author or an ADMIN may delete a message.", AccessReasons.Role);
            }

            if (Refuse(change, RightToWrite(message.Visibility)) is { } refused)
            {
                return refused;
            }

            if (message.IsDeleted)
            {
                return null;
            }

            change.EnrolActingStaff(EventAudience.Of(message.Visibility));
            deleted = message with { Content = null, DeletedAt = change.Now, DeletedBy = actor.UserId };
            change.Record(TicketEventType.MessageDeleted, new MessagePayload(message.Id), EventAudience.Of(message.Visibility));
            change.Stage(MessageStore.Erase(deleted));
            change.PushWith(deleted.ToView());
            DeleteAttachments(change, await attachments.Live(Number, message.Id));
            return null;
        }, _ => deleted!.ToView());
    }

    public async Task<Result<UnreadMessages>> MarkMessagesRead(Actor actor, Guid upToMessageId)
    {
        if (Visible(actor) is { } hidden)
        {
            return hidden;
        }

        var message = await messages.Find(Number, upToMessageId);
        if (message is null || !message.IsVisibleTo(actor))
        {
            return DomainError.Validation("upToMessageId", "No message of this ticket has this id.");
        }

        await messages.MoveReadPointer(Number, actor.UserId, message.Seq, clock.Now());
        return await messages.Unread(Number, actor);
    }

    public async Task<Result<UnreadMessages>> GetUnreadMessages(Actor actor) =>
        Visible(actor) is { } hidden ? hidden : await messages.Unread(Number, actor);

    /// <summary>The message, when the ticket and the message are both visible to <paramref name="actor"/>; else NOT_FOUND.</summary>
    private async Task<Result<MessageRecord>> VisibleMessage(Actor actor, Guid messageId)
    {
        if (Visible(actor) is { } hidden)
        {
            return hidden;
        }

        var message = await messages.Find(Number, messageId);
        return message is not null && message.IsVisibleTo(actor) ? message : DomainError.NotFound("Message");
    }

    private static TicketRight RightToWrite(MessageVisibility visibility) =>
        visibility == MessageVisibility.Internal ? TicketRight.CommentInternal : TicketRight.Comment;
}
