using System.Collections.Frozen;

namespace TicketPlatform.Tickets;

/// <summary>
/// The status state machine. Staff may take every transition of the table; the requester and participants
/// with canEdit may only close an OPEN ticket.
/// </summary>
public static class TicketLifecycle
{
    private static readonly FrozenDictionary<TicketStatus, TicketStatus[]> StaffTransitions =
        new Dictionary<TicketStatus, TicketStatus[]>
        {
            [TicketStatus.Open] = [TicketStatus.InProgress, TicketStatus.Closed],
            [TicketStatus.InProgress] = [TicketStatus.Open, TicketStatus.Resolved],
            [TicketStatus.Resolved] = [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Closed],
            [TicketStatus.Closed] = [TicketStatus.Open],
        }.ToFrozenDictionary();

    private static readonly TicketStatus[] RequesterFromOpen = [TicketStatus.Closed];

    public static IReadOnlyList<TicketStatus> AllowedTargets(TicketStatus from, bool isStaff) =>
        isStaff ? StaffTransitions[from] : from == TicketStatus.Open ? RequesterFromOpen : [];

    public static bool CanReopen(TicketStatus from) => from is TicketStatus.Resolved or TicketStatus.Closed;

    /// <summary>The resolvedAt/closedAt pair after a move to <paramref name="to"/>.</summary>
    public static (DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt) Timestamps(
        TicketStatus to, DateTimeOffset? resolvedAt, DateTimeOffset? closedAt, DateTimeOffset now) => to switch
    {
        TicketStatus.Open or TicketStatus.InProgress => (null, null),
        TicketStatus.Resolved => (now, null),
        TicketStatus.Closed => (resolvedAt, now),
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Unknown status."),
    };
}
