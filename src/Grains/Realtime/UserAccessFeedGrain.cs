using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>Relays role and activation changes to the subscribed Api nodes; see <see cref="IUserAccessFeedGrain"/>.</summary>
internal sealed partial class UserAccessFeedGrain(ILogger<UserAccessFeedGrain> logger) : Grain, IUserAccessFeedGrain
{
    /// <summary>A node that has not answered by then (dead, not yet expired) is not waited for; its cache entries lapse on their own.</summary>
    internal static readonly TimeSpan NodeAnswerBound = TimeSpan.FromSeconds(2);

    private readonly ObserverManager<IUserAccessObserver> _nodes = new(Tickets.TicketGrain.WatchExpiry, logger);
    private readonly Guid _activation = Guid.NewGuid();

    public Task<Guid> Subscribe(IUserAccessObserver observer)
    {
        _nodes.Subscribe(observer, observer);
        return Task.FromResult(_activation);
    }

    public async Task Changed(UserView user)
    {
        var told = Task.WhenAll(_nodes.Select(node => node.OnUserAccessChanged(user)));
        try
        {
            await told.WaitAsync(NodeAnswerBound);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogNodeNotTold(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A user-access change did not reach every Api node in time")]
    private static partial void LogNodeNotTold(ILogger logger, Exception exception);
}
