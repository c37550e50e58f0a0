using Microsoft.Extensions.Options;
using TicketPlatform.Api.Auth;
using TicketPlatform.Realtime;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// This node's subscription to role and activation changes: the cached identity is forgotten before the push is
/// answered (the next request asks the user's grain), then the user's rooms are re-checked.
/// </summary>
public sealed partial class UserAccessObserver(
    IGrainFactory grains, IServiceProvider services, LocalIdentityCache identities, IOptions<RealtimeOptions> options,
    ILogger<UserAccessObserver> logger) : IUserAccessObserver
{
    private IUserAccessObserver? _reference;

    public Task OnUserAccessChanged(UserView user)
    {
        identities.Forget(user.Subject);
        // Not awaited: re-checking rooms calls grains, and the feed is waiting on this node.
        _ = Detached(() => services.GetRequiredService<RoomAccess>().Apply(user), LogRecheckFailed);
        return Task.CompletedTask;
    }

    public Task OnFeedClosing()
    {
        identities.Unsubscribed();
        // Not awaited: the closing feed is waiting on this node, and the call goes to its next activation.
        _ = Detached(Subscribe, LogResubscribeFailed);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes or renews (the subscription expires unless renewed).</summary>
    public async Task Subscribe()
    {
        var observer = _reference ??= grains.CreateObjectReference<IUserAccessObserver>(this);
        var feed = await grains.GetGrain<IUserAccessFeedGrain>(0).Subscribe(observer, identities.FeedActivation);
        identities.Subscribed(feed, options.Value.RenewInterval * 3);
    }

    /// <summary>Work a push starts and does not wait for; a cluster error is logged, and the next renewal or sweep makes up for it.</summary>
    private async Task Detached(Func<Task> work, Action<ILogger, Exception> logFailure)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            logFailure(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to user-access changes again after the feed closed failed; the next renewal will")]
    private static partial void LogResubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking a changed user's rooms failed; the sweep will")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception);
}
