using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>Relays role and activation changes to the subscribed Api nodes; see <see cref="IUserAccessFeedGrain"/>.</summary>
internal sealed class UserAccessFeedGrain(ILogger<UserAccessFeedGrain> logger) : Grain, IUserAccessFeedGrain
{
    private readonly ObserverManager<IUserAccessObserver> _nodes = new(Tickets.TicketGrain.WatchExpiry, logger);

    public Task Subscribe(IUserAccessObserver observer)
    {
        _nodes.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Changed(UserView user)
    {
        _nodes.Notify(node => node.OnUserAccessChanged(user));
        return Task.CompletedTask;
    }
}
