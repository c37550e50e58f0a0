namespace TicketPlatform.Sla;

/// <summary>The scheduled evaluation of the SLA clocks that are due, across all tickets. Key: 0.</summary>
[Alias("tp.ISlaScanGrain")]
public interface ISlaScanGrain : IGrainWithIntegerKey
{
    /// <summary>Asks every ticket with a warning or breach due by now to record it; returns how many tickets recorded one.</summary>
    [Alias("EvaluateDue")]
    Task<int> EvaluateDue();
}
