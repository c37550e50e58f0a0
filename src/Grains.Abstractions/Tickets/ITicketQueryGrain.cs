using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>Read-only ticket lists over the relational schema.</summary>
[Alias("tp.ITicketQueryGrain")]
public interface ITicketQueryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<Result<Page<TicketView>>> List(Actor actor, TicketListQuery query);

    [Alias("Stats")]
    Task<Result<TicketStats>> Stats(Actor actor, bool archived);
}
