using TicketPlatform.Sla.Calendar;
using TicketPlatform.Tickets;

namespace TicketPlatform.Sla.Clocks;

/// <summary>A policy made ready for counting: targets as durations, the calendar compiled.</summary>
internal sealed record SlaTerms(IReadOnlyDictionary<SlaKind, TimeSpan> Targets, BusinessCalendar Calendar, IReadOnlySet<TicketStatus> PauseOn, double WarnAt)
{
    public static SlaTerms? Of(SlaPolicyView? policy)
    {
        if (policy is null)
        {
            return null;
        }

        var targets = new Dictionary<SlaKind, TimeSpan>();
        Add(SlaKind.FirstResponse, policy.Targets.FirstResponse);
        Add(SlaKind.NextResponse, policy.Targets.NextResponse);
        Add(SlaKind.Resolution, policy.Targets.Resolution);
        return new SlaTerms(targets, BusinessCalendar.Of(policy.Calendar), policy.PauseOn.ToHashSet(), policy.WarnAt);

        void Add(SlaKind kind, string? target)
        {
            if (target is not null)
            {
                targets[kind] = SlaDuration.Parse(target);
            }
        }
    }

    public TimeSpan? TargetOf(SlaKind kind) => Targets.TryGetValue(kind, out var target) ? target : null;
}
