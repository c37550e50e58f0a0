namespace TicketPlatform.Sla;

/// <summary>What a clock shows: counting, standing still, kept, or broken (a breach stays a breach once recorded).</summary>
public enum SlaClockState
{
    Running,
    Paused,
    Met,
    Breached,
}
