namespace TicketPlatform.Sla;

/// <summary>Bound from <c>TicketPlatform:Sla</c>.</summary>
public sealed class SlaOptions
{
    public const string Section = "TicketPlatform:Sla";

    /// <summary>How often each silo looks for SLA warnings and breaches that fell due; each is written within this of its moment.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(15);
}
