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
    /// </summary>
    [Alias("Subscribe")]
    Task<Guid> Subscribe(IUserAccessObserver observer);

    /// <summary>
    /// Tells every subscribed node and returns once they have taken the change (or a short bound passed), so the
    /// change applies to the next request on any node.
    /// </summary>
    [Alias("Changed")]
    Task Changed(UserView user);
}
