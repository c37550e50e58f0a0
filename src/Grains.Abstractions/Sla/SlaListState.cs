namespace TicketPlatform.Sla;

/// <summary>
/// Where a ticket stands against its promises, for the <c>slaState</c> list filter: a breach recorded, a warning
/// recorded on a clock still counting, or a clock counting towards a target.
/// </summary>
public enum SlaListState
{
    Breached,
    AtRisk,
    Running,
}
