using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>Opens new tickets: takes a number from this year's counter and hands the command to the new ticket.</summary>
[Alias("tp.ITicketIntakeGrain")]
public interface ITicketIntakeGrain : IGrainWithIntegerKey
{
    [Alias("Open")]
    Task<Result<TicketView>> Open(Actor actor, OpenTicket command);
}
