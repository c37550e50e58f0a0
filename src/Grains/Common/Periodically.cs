namespace TicketPlatform.Common;

/// <summary>The loop of a background job: run now, then every interval, until stopped; a failed run is reported and the next one tries again.</summary>
public static class Periodically
{
    /// <summary>
    /// Runs <paramref name="work"/> at once and then every <paramref name="interval"/> on <paramref name="time"/>'s clock;
    /// a failure goes to <paramref name="failed"/>. Returns when <paramref name="stoppingToken"/> is cancelled.
    /// </summary>
    public static async Task Run(
        TimeSpan interval, Func<CancellationToken, Task> work, Action<Exception> failed, CancellationToken stoppingToken, TimeProvider? time = null)
    {
        using var timer = new PeriodicTimer(interval, time ?? TimeProvider.System);
        try
        {
            do
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    failed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
