using TicketPlatform.Realtime;

namespace TicketPlatform.Tickets;

/// <summary>
/// Who watches this ticket: each Api node reports its own viewers, valid until its next renewal is overdue, so the
/// viewers of a node that died vanish by themselves. Any change goes to every watching node.
/// </summary>
internal sealed partial class TicketGrain
{
    private static readonly TimeSpan PresenceCheck = TimeSpan.FromSeconds(2);

    private readonly Dictionary<ITicketObserver, (PresenceViewer[] Viewers, DateTimeOffset ValidUntil)> _presence = [];
    private PresenceViewer[] _viewers = [];
    private IGrainTimer? _presenceExpiry;

    private void ReportPresence(ITicketObserver node, NodePresence report)
    {
        if (report.Viewers.Length == 0)
        {
            _presence.Remove(node);
        }
        else
        {
            _presence[node] = (report.Viewers, clock.Now() + report.ValidFor);
        }

        AnnouncePresence(always: report.Announce);
    }

    private void ForgetPresence(ITicketObserver node)
    {
        if (_presence.Remove(node))
        {
            AnnouncePresence(always: true);
        }
    }

    private void AnnouncePresence(bool always)
    {
        PresenceViewer[] merged =
        [
            .. _presence.Values.SelectMany(node => node.Viewers)
                .GroupBy(viewer => viewer.UserId)
                .Select(same => same.MinBy(viewer => viewer.Since)!)
                .OrderBy(viewer => viewer.Since).ThenBy(viewer => viewer.UserId),
        ];
        var changed = !merged.SequenceEqual(_viewers);
        _viewers = merged;
        if (changed || always)
        {
            _watchers?.Notify(observer => observer.OnPresence(Number, merged));
        }

        if (_presence.Count == 0)
        {
            _presenceExpiry?.Dispose();
            _presenceExpiry = null;
        }
        else
        {
            _presenceExpiry ??= this.RegisterGrainTimer(ExpirePresence, new GrainTimerCreationOptions(PresenceCheck, PresenceCheck));
        }
    }

    private Task ExpirePresence()
    {
        var now = clock.Now();
        foreach (var node in _presence.Where(entry => entry.Value.ValidUntil <= now).Select(entry => entry.Key).ToList())
        {
            _presence.Remove(node);
        }

        AnnouncePresence(always: false);
        return Task.CompletedTask;
    }
}
