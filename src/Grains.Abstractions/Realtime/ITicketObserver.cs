using Orleans.Concurrency;
using TicketPlatform.Events;

namespace TicketPlatform.Realtime;

/// <summary>
/// An Api node watching a ticket: told of every committed event, in seq order, once per node. The node applies
/// visibility per connection.
/// </summary>
[Alias("tp.ITicketObserver")]
public interface ITicketObserver : IGrainObserver
{
    [Alias("OnCommitted"), OneWay]
    Task OnCommitted(TicketEventView[] events);
}
