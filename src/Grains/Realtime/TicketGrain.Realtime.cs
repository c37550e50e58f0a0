using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using TicketPlatform.Common;
using TicketPlatform.Realtime;

namespace TicketPlatform.Tickets;

/// <summary>Pushes every committed change to the Api nodes watching this ticket, with the ticket after it.</summary>
internal sealed partial class TicketGrain : ITicketRealtimeGrain
{
    /// <summary>Nodes renew well within this; a subscription not renewed for this long is dropped.</summary>
    internal static readonly TimeSpan WatchExpiry = TimeSpan.FromMinutes(1);

    private ObserverManager<ITicketObserver>? _watchers;

    private ObserverManager<ITicketObserver> Watchers =>
        _watchers ??= new ObserverManager<ITicketObserver>(WatchExpiry, ServiceProvider.GetRequiredService<ILogger<TicketGrain>>());

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

    private void Publish(TicketChange change)
    {
        if (_watchers is not { Count: > 0 } || change.Events.Count == 0)
        {
            return;
        }

        var commit = new TicketCommit(Number, change.After.ToView(forStaff: true), change.After.ToView(forStaff: false), change.ToCommittedEvents());
        _watchers.Notify(observer => observer.OnCommitted(commit));
    }
}
