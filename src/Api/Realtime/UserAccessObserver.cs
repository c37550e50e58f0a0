using TicketPlatform.Realtime;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Realtime;

/// <summary>This node's subscription to role and activation changes, so their rooms are re-checked at once.</summary>
public sealed class UserAccessObserver(IGrainFactory grains, IServiceProvider services) : IUserAccessObserver
{
    private IUserAccessObserver? _reference;

    public Task OnUserAccessChanged(UserView user) => services.GetRequiredService<RoomAccess>().Apply(user);

    /// <summary>Subscribes or renews (the subscription expires unless renewed).</summary>
    public Task Subscribe() =>
        grains.GetGrain<IUserAccessFeedGrain>(0).Subscribe(_reference ??= grains.CreateObjectReference<IUserAccessObserver>(this));
}
