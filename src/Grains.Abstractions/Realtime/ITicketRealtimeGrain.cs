using Orleans.Concurrency;

using TicketPlatform.Common;

namespace TicketPlatform.Realtime;

/// <summary>The realtime side of a ticket (same activation as ITicketGrain, key: ticket number).</summary>
[Alias("tp.ITicketRealtimeGrain")]
public interface ITicketRealtimeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Subscribes (or renews) an Api node's observer and reports who watches the ticket on that node. Subscriptions and
    /// presence expire unless renewed, so a node that dies stops costing anything and its viewers vanish; the answer is
    /// the ticket's last seq, for the node's gap detection.
    /// </summary>
    [Alias("Watch")]
    Task<long> Watch(ITicketObserver observer, NodePresence presence);

    /// <summary>Ends a node's watch and its presence.</summary>
    [Alias("Unwatch")]
    Task Unwatch(ITicketObserver observer);

    /// <summary>The access check of joining a room: true when <paramref name="actor"/> may view the ticket.</summary>
    [Alias("CanView"), ReadOnly]
    Task<bool> CanView(Actor actor);

    /// <summary>The access re-check of a room's members: for each actor, whether they may still view the ticket.</summary>
    [Alias("MayView"), ReadOnly]
    Task<RoomCheck> MayView(Actor[] actors);

    /// <summary>Relays a typing notice to every watching node (it holds nothing: typing lapses by itself).</summary>
    [Alias("Typing"), OneWay]
    Task Typing(TypingNotice notice);
}
