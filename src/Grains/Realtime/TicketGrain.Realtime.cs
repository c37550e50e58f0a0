using Orleans.Utilities;
using TicketPlatform.Common;
using TicketPlatform.Realtime;

namespace TicketPlatform.Tickets;

/// <summary>The Api nodes watching this ticket, to which the pipeline pushes every committed change (<c>Publish</c>).</summary>
internal sealed partial class TicketGrain : ITicketRealtimeGrain
{
    /// <summary>Nodes renew well within this; a subscription not renewed for this long is dropped.</summary>
    internal static readonly TimeSpan WatchExpiry = TimeSpan.FromMinutes(1);

    private ObserverManager<ITicketObserver>? _watchers;

    private ObserverManager<ITicketObserver> Watchers =>
        _watchers ??= new ObserverManager<ITicketObserver>(WatchExpiry, logger);

    public Task<long> Watch(ITicketObserver observer, NodePresence presence)
    {
        Watchers.Subscribe(observer, observer);
        ReportPresence(observer, presence);
        return Task.FromResult(_ticket?.LastSeq ?? 0);
    }

    public Task Unwatch(ITicketObserver observer)
    {
        Watchers.Unsubscribe(observer);
        ForgetPresence(observer);
        return Task.CompletedTask;
    }

    public Task<bool> CanView(Actor actor) => Task.FromResult(Visible(actor) is null);

    public Task<RoomCheck> MayView(Actor[] actors) =>
        Task.FromResult(new RoomCheck([.. actors.Select(actor => Visible(actor) is null)], _ticket?.LastSeq ?? 0));

    public Task Typing(TypingNotice notice)
    {
        _watchers?.Notify(observer => observer.OnTyping(notice));
        return Task.CompletedTask;
    }
}
