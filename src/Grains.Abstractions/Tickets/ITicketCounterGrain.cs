namespace TicketPlatform.Tickets;

/// <summary>Issues ticket numbers for one year (the grain key), without duplicates.</summary>
[Alias("tp.ITicketCounterGrain")]
public interface ITicketCounterGrain : IGrainWithIntegerKey
{
    [Alias("Next")]
    Task<long> Next();
}
