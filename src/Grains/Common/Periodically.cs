namespace TicketPlatform.Common;

/// <summary>The loop of a background job whose state is in the database: run now, then every interval, until stopped.</summary>
internal static class Periodically
{
    /// <summary>Runs <paramref name="work"/> at once and then every <paramref name="interval"/>; a failure goes to <paramref name="failed"/> and the next run tries again.</summary>
    public static async Task Run(TimeSpan interval, Func<CancellationToken, Task> work, Action<Exception> failed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
