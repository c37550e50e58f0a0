using Orleans.Concurrency;
using TicketPlatform.Common;

namespace TicketPlatform.Messages;

/// <summary>The conversation of one ticket, keyed by its number: the same activation as the ticket's grain.</summary>
[Alias("tp.ITicketMessagesGrain")]
public interface ITicketMessagesGrain : IGrainWithStringKey
{
    [Alias("PostMessage")]
    Task<Result<MessageView>> PostMessage(Actor actor, PostMessage command);

    [Alias("GetMessage"), ReadOnly]
    Task<Result<MessageView>> GetMessage(Actor actor, Guid messageId);

    [Alias("ListMessages"), ReadOnly]
    Task<Result<Page<MessageView>>> ListMessages(Actor actor, MessageListQuery query);

    [Alias("EditMessage")]
    Task<Result<MessageView>> EditMessage(Actor actor, EditMessage command);

    [Alias("DeleteMessage")]
    Task<Result<MessageView>> DeleteMessage(Actor actor, Guid messageId);

    [Alias("MarkMessagesRead")]
    Task<Result<UnreadMessages>> MarkMessagesRead(Actor actor, Guid upToMessageId);

    [Alias("GetUnreadMessages"), ReadOnly]
    Task<Result<UnreadMessages>> GetUnreadMessages(Actor actor);
}
