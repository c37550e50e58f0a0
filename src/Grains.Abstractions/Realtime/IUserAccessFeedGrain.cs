using Orleans.Concurrency;
using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>
/// One per cluster (key 0): relays changes of a user's role or activation to every subscribed Api node. Such changes are
/// rare, so a broadcast costs less than a subscription per connected user.
/// </summary>
[Alias("tp.IUserAccessFeedGrain")]
public interface IUserAccessFeedGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Subscribes (or renews) a node; a subscription expires unless renewed. Returns the id of this activation of the
    /// feed: a node that sees it change knows that changes relayed in between may have missed it.
    /// <paramref name="lastSeen"/> is the activation the node subscribed to before (<see cref="Guid.Empty"/> for none).
    /// Interleaves with a change that waits for the nodes to subscribe again.
    /// </summary>
    [Alias("Subscribe"), AlwaysInterleave]
    Task<Guid> Subscribe(IUserAccessObserver observer, Guid lastSeen);

    /// <summary>
    /// Tells every subscribed node and returns once they have taken the change (or a short bound passed), so the
    /// change applies to the next request on any node. Right after the feed moved to another silo it does not know the
    /// nodes yet; a change then first waits a few seconds for them to subscribe again.
    /// </summary>
    [Alias("Changed")]
    Task Changed(UserView user);
}
