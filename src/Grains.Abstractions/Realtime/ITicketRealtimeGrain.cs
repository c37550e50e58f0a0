using Orleans.Concurrency;

using TicketPlatform.Common;

namespace TicketPlatform.Realtime;

/// <summary>The realtime side of a ticket (same activation as ITicketGrain, key: ticket number).</summary>
[Alias("tp.ITicketRealtimeGrain")]
public interface ITicketRealtimeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Subscribes (or renews) an Api node's observer. Subscriptions expire unless renewed, so a node that
    /// dies stops costing anything; the answer is the ticket's last seq, for the node's gap detection.
    /// </summary>
    [Alias("Watch")]
    Task<long> Watch(ITicketObserver observer);

    [Alias("Unwatch")]
    Task Unwatch(ITicketObserver observer);

    /// <summary>The access check of joining a room: true when <paramref name="actor"/> may view the ticket.</summary>
    [Alias("CanView"), ReadOnly]
    Task<bool> CanView(Actor actor);
}
