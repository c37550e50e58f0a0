using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>
/// An Api node told at once when a user's role or activation changed: it forgets the identity it cached for that user
/// before answering, then re-checks their rooms.
/// </summary>
[Alias("tp.IUserAccessObserver")]
public interface IUserAccessObserver : IGrainObserver
{
    [Alias("OnUserAccessChanged")]
    Task OnUserAccessChanged(UserView user);
}
