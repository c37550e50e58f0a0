namespace TicketPlatform.Scheduling;

/// <summary>
/// The loop of a scan grain: reads a batch of tickets with something due, asks each ticket's grain (their single
/// writer) to act on it, and goes on while full batches keep yielding work. A ticket that fails is left for the next scan.
/// </summary>
internal static class DueTickets
{
    public const int PerBatch = 200;

    /// <summary>Returns the sum of what <paramref name="visit"/> answered; <paramref name="failed"/> hears of each ticket that threw.</summary>
    public static async Task<int> Drain(Func<int, Task<string[]>> due, Func<string, Task<int>> visit, Action<Exception, string> failed)
    {
        var done = 0;
        while (true)
        {
            var tickets = await due(PerBatch);
            var batch = (await Task.WhenAll(tickets.Select(Visit))).Sum();
            done += batch;
            if (tickets.Length < PerBatch || batch == 0)
            {
                return done;
            }
        }

        async Task<int> Visit(string ticketNumber)
        {
            try
            {
                return await visit(ticketNumber);
            }
            catch (Exception e)
            {
                failed(e, ticketNumber);
                return 0;
            }
        }
    }
}
