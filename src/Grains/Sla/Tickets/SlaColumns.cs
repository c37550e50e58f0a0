using System.Text.Json;
using TicketPlatform.Common;
using TicketPlatform.Sla.Clocks;

namespace TicketPlatform.Sla.Tickets;

/// <summary>
/// How a ticket's clocks sit in its row: the whole state as JSON (read back whole, never queried by its parts), plus
/// what lists sort, filter and count by: the next breach moment and the standing (<see cref="SlaListState"/>).
/// </summary>
internal static class SlaColumns
{
    /// <summary>
    /// The sort key of a ticket without a coming breach: after every real moment, so <c>sort=slaDueAt</c> keeps its
    /// keyset cursor free of nulls (which the two databases order differently). Migration 72 writes the same value.
    /// </summary>
    public static readonly DateTimeOffset NoDue = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static string? Json(TicketSla? sla) => sla is null ? null : JsonSerializer.Serialize(sla, DomainJson.Options);

    public static TicketSla? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<TicketSla>(json, DomainJson.Options);

    public static DateTimeOffset SortKey(TicketSla? sla) => (sla is null ? null : SlaClocks.NextDueAt(sla)) ?? NoDue;

    /// <summary>The ticket's standing as its <c>sla_state</c> column holds it (UPPER_SNAKE), or null when no clock counts.</summary>
    public static string? State(TicketSla? sla) => Standing(sla) is { } standing ? EnumText.Of(standing) : null;

    public static SlaListState? Standing(TicketSla? sla)
    {
        if (sla is null)
        {
            return null;
        }

        if (sla.Clocks.Any(clock => clock.BreachedAt is not null))
        {
            return SlaListState.Breached;
        }

        var counting = sla.Clocks.Where(clock => clock.CountingSince is not null && clock.DueAt is not null).ToList();
        return counting.Any(clock => clock.WarnedAt is not null) ? SlaListState.AtRisk
            : counting.Count > 0 ? SlaListState.Running
            : null;
    }
}
