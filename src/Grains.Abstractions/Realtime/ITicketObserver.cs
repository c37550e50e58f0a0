using Orleans.Concurrency;

namespace TicketPlatform.Realtime;

/// <summary>
/// An Api node watching a ticket: told of every commit, in seq order, once per node, and of the ticket's presence and
/// typing. The node applies visibility per connection.
/// </summary>
[Alias("tp.ITicketObserver")]
public interface ITicketObserver : IGrainObserver
{
    [Alias("OnCommitted"), OneWay]
    Task OnCommitted(TicketCommit commit);

    /// <summary>Everyone watching the ticket, on every node.</summary>
    [Alias("OnPresence"), OneWay]
    Task OnPresence(string ticketNumber, PresenceViewer[] viewers);

    [Alias("OnTyping"), OneWay]
    Task OnTyping(TypingNotice notice);
}
