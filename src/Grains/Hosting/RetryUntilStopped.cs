using Microsoft.Extensions.Logging;

namespace TicketPlatform.Hosting;

/// <summary>An Api node started before any silo keeps trying to reach the cluster (its readiness says so) instead of exiting.</summary>
internal sealed partial class RetryUntilStopped(ILogger<RetryUntilStopped> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        LogRetrying(logger, exception.Message);
        await Task.Delay(Delay, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the cluster yet ({Reason}); retrying")]
    private static partial void LogRetrying(ILogger logger, string reason);
}
