using Orleans.Concurrency;
using TicketPlatform.Common;

namespace TicketPlatform.Sla;

/// <summary>The SLA clocks of one ticket; the same activation as the ticket's grain (key: ticket number), their single writer.</summary>
[Alias("tp.ITicketSlaGrain")]
public interface ITicketSlaGrain : IGrainWithStringKey
{
    /// <summary>Staff: every clock with a target; 403 for a USER who sees the ticket, 404 for whoever does not.</summary>
    [Alias("GetSla"), ReadOnly]
    Task<Result<TicketSlaView>> GetSla(Actor actor);

    /// <summary>The scan's call: records, as its own commit, every warning and breach due by now; true when it recorded any.</summary>
    [Alias("EvaluateSla")]
    Task<bool> EvaluateSla();
}
