namespace TicketPlatform.Tickets;

/// <summary>Bound from <c>TicketPlatform:Tickets</c>.</summary>
public sealed class TicketOptions
{
    public const string Section = "TicketPlatform:Tickets";

    /// <summary>At most this many queued commands of one ticket are decided and committed in one transaction.</summary>
    public int MaxBatch { get; set; } = 64;
}
