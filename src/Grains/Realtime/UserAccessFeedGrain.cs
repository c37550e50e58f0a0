using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>Relays role and activation changes to the subscribed Api nodes; see <see cref="IUserAccessFeedGrain"/>.</summary>
internal sealed partial class UserAccessFeedGrain(TimeProvider time, ILogger<UserAccessFeedGrain> logger) : Grain, IUserAccessFeedGrain
{
    /// <summary>A node that has not answered by then (dead, not yet expired) is not waited for; its cache entries lapse on their own.</summary>
    internal static readonly TimeSpan NodeAnswerBound = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long after the feed moved its nodes take to subscribe again: a node notices the loss of a silo within a
    /// second and renews at once, retrying for about four seconds while the cluster settles.
    /// </summary>
    internal static readonly TimeSpan ResubscribeBound = TimeSpan.FromSeconds(4);

    private readonly ObserverManager<IUserAccessObserver> _nodes = new(Tickets.TicketGrain.WatchExpiry, logger);
    private readonly Guid _activation = Guid.NewGuid();
    private readonly DateTimeOffset _activatedAt = time.GetUtcNow();

    /// <summary>A node subscribed to an earlier activation: the feed moved, and nodes not yet back are unknown here.</summary>
    private bool _moved;

    public Task<Guid> Subscribe(IUserAccessObserver observer, Guid lastSeen)
    {
        _moved |= lastSeen != Guid.Empty && lastSeen != _activation;
        _nodes.Subscribe(observer, observer);
        return Task.FromResult(_activation);
    }

    public async Task Changed(UserView user)
    {
        await UntilNodesResubscribed();
        await Tell(node => node.OnUserAccessChanged(user));
    }

    /// <summary>The next activation starts without subscribers: the nodes stop trusting their cached identities until they have subscribed again.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Tell(node => node.OnFeedClosing());

    /// <summary>
    /// A fresh activation that knows no node, or that nodes of an earlier one are coming back to, may not know every
    /// node: a node not told would keep a stale identity, so a change waits until they have had time to subscribe
    /// (a node that subscribes to this new activation forgets every identity it cached).
    /// </summary>
    private Task UntilNodesResubscribed()
    {
        var left = _activatedAt + ResubscribeBound - time.GetUtcNow();
        return (_moved || _nodes.Count == 0) && left > TimeSpan.Zero ? Task.Delay(left, time) : Task.CompletedTask;
    }

    private async Task Tell(Func<IUserAccessObserver, Task> message)
    {
        var told = Task.WhenAll(_nodes.Select(message));
        try
        {
            await told.WaitAsync(NodeAnswerBound);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogNodeNotTold(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A user-access message did not reach every Api node in time")]
    private static partial void LogNodeNotTold(ILogger logger, Exception exception);
}
