using TicketPlatform.Common;
using TicketPlatform.Sla;
using TicketPlatform.Sla.Clocks;

namespace TicketPlatform.Tickets;

/// <summary>The ticket's SLA clocks as staff read them, and their evaluation by the scan (the clocks themselves are <see cref="Sla.Tickets.SlaModule"/>).</summary>
internal sealed partial class TicketGrain : ITicketSlaGrain
{
    public Task<Result<TicketSlaView>> GetSla(Actor actor)
    {
        if (Visible(actor) is { } hidden)
        {
            return Task.FromResult<Result<TicketSlaView>>(hidden);
        }

        if (!actor.IsStaff)
        {
            return Task.FromResult<Result<TicketSlaView>>(DomainError.Forbidden("Only staff may see a ticket's SLA clocks.", AccessReasons.Role));
        }

        var view = _ticket!.Sla is { } sla ? SlaViews.Describe(sla, clock.Now()) : new TicketSlaView(null, []);
        return Task.FromResult<Result<TicketSlaView>>(view);
    }

    /// <summary>
    /// An empty command by nobody: the SLA module evaluates the clocks of every command that changes none of their
    /// inputs, so this commits exactly what fell due, also on an archived ticket.
    /// </summary>
    public async Task<bool> EvaluateSla()
    {
        if (_ticket?.Sla is not { } sla || !SlaClocks.Schedule(sla).Any(moment => moment.At <= clock.Now()))
        {
            return false;
        }

        var seqBefore = _ticket.LastSeq;
        var result = await Execute(SystemActor, invalid: null, _ => null, ticket => ticket.LastSeq);
        return result.IsSuccess && result.Value > seqBefore;
    }
}
