using Orleans.Concurrency;
using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

[StatelessWorker, Reentrant]
internal sealed class TicketIntakeGrain(Clock clock) : Grain, ITicketIntakeGrain
{
    public async Task<Result<TicketView>> Open(Actor actor, OpenTicket command)
    {
        if (TicketRules.Validate(command) is { } invalid)
        {
            return invalid;
        }

        var year = clock.Now().Year;
        var sequence = await GrainFactory.GetGrain<ITicketCounterGrain>(year).Next();
        return await GrainFactory.GetGrain<ITicketGrain>(TicketNumber.Format(year, sequence)).Open(actor, command);
    }
}
