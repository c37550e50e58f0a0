using Orleans.Concurrency;
using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>An Api node told at once when a user's role or activation changed, so it can re-check their rooms.</summary>
[Alias("tp.IUserAccessObserver")]
public interface IUserAccessObserver : IGrainObserver
{
    [Alias("OnUserAccessChanged"), OneWay]
    Task OnUserAccessChanged(UserView user);
}
