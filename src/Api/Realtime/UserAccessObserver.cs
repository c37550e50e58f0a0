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
        _ = RecheckRooms(user);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes or renews (the subscription expires unless renewed).</summary>
    public async Task Subscribe()
    {
        var feed = await grains.GetGrain<IUserAccessFeedGrain>(0).Subscribe(_reference ??= grains.CreateObjectReference<IUserAccessObserver>(this));
        identities.Subscribed(feed, options.Value.RenewInterval * 3);
    }

    // Not awaited by the push: re-checking rooms calls grains, and the feed is waiting on this node.
    private async Task RecheckRooms(UserView user)
    {
        try
        {
            await services.GetRequiredService<RoomAccess>().Apply(user);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogRecheckFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking a changed user's rooms failed; the sweep will")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception);
}
