using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Realtime;

namespace TicketPlatform.Tickets;

/// <summary>Pushes every committed change to the Api nodes watching this ticket.</summary>
internal sealed partial class TicketGrain : ITicketRealtimeGrain
{
    /// <summary>Nodes renew well within this; a subscription not renewed for this long is dropped.</summary>
    internal static readonly TimeSpan WatchExpiry = TimeSpan.FromMinutes(1);

    private ObserverManager<ITicketObserver>? _watchers;

    private ObserverManager<ITicketObserver> Watchers =>
        _watchers ??= new ObserverManager<ITicketObserver>(WatchExpiry, ServiceProvider.GetRequiredService<ILogger<TicketGrain>>());

    public Task<long> Watch(ITicketObserver observer)
    {
        Watchers.Subscribe(observer, observer);
        return Task.FromResult(_ticket?.LastSeq ?? 0);
    }

    public Task Unwatch(ITicketObserver observer)
    {
        Watchers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<bool> CanView(Actor actor) => Task.FromResult(Visible(actor) is null);

    private void Publish(TicketChange change)
    {
        if (_watchers is not { Count: > 0 } || change.Events.Count == 0)
        {
            return;
        }

        TicketEventView[] events = [.. change.Events.Select(e => new TicketEventView(e.TicketNumber, e.Seq, e.Type, e.ActorId, e.Visibility, e.Payload, e.CreatedAt, e.SubjectId))];
        _watchers.Notify(observer => observer.OnCommitted(events));
    }
}
