namespace TicketPlatform.Sla;

/// <summary>What falls due at a clock's moment: its warning or its breach.</summary>
public enum SlaDue
{
    Warning,
    Breach,
}
