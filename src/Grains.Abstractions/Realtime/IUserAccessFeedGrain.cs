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
    /// <summary>Subscribes (or renews) a node; a subscription expires unless renewed.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IUserAccessObserver observer);

    [Alias("Changed"), OneWay]
    Task Changed(UserView user);
}
