using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>
/// An Api node told at once when a user's role or activation changed: it forgets the identity it cached for that user
/// before answering, then re-checks their rooms. Told as well when the feed it subscribed to goes away (its silo is
/// stopping): the next activation knows no node, so the node trusts no cached identity until it has subscribed again.
/// </summary>
[Alias("tp.IUserAccessObserver")]
public interface IUserAccessObserver : IGrainObserver
{
    [Alias("OnUserAccessChanged")]
    Task OnUserAccessChanged(UserView user);

    [Alias("OnFeedClosing")]
    Task OnFeedClosing();
}
