using Microsoft.Extensions.Logging;
using TicketPlatform.Common;
using TicketPlatform.Scheduling;

namespace TicketPlatform.Sla.Schedule;

/// <summary>
/// One activation for the cluster: reads the due index for tickets with a warning or breach due by now and asks each
/// ticket's grain to record it as its own commit, which also removes the row. A silo killed before that commit leaves
/// the row, so the next scan (on any silo) records it; a committed breach is in the clocks, so it is never recorded twice.
/// </summary>
internal sealed partial class SlaScanGrain(SlaDueStore due, Clock clock, ILogger<SlaScanGrain> logger) : Grain, ISlaScanGrain
{
    public Task<int> EvaluateDue() => DueTickets.Drain(
        take => due.TicketsDue(clock.Now(), take),
        async ticketNumber => await GrainFactory.GetGrain<ITicketSlaGrain>(ticketNumber).EvaluateSla() ? 1 : 0,
        (e, ticketNumber) => LogEvaluationFailed(e, ticketNumber));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not evaluate the SLA clocks of ticket {TicketNumber}")]
    private partial void LogEvaluationFailed(Exception exception, string ticketNumber);
}
