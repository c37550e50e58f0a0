using System.Text.Json.Serialization;

namespace TicketPlatform.Tickets;

/// <summary>
/// Counts by status and by priority, every value present (0 when none), keyed by the UPPER_SNAKE name; for staff also
/// the tickets with a breached SLA clock (absent for a USER).
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.TicketStats")]
public sealed record TicketStats(
    [property: Id(0)] Dictionary<string, long> ByStatus,
    [property: Id(1)] Dictionary<string, long> ByPriority,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? SlaBreached = null);
