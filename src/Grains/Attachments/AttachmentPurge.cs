using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketPlatform.Common;

namespace TicketPlatform.Attachments;

/// <summary>
/// Removes the blobs of deleted attachments once <see cref="AttachmentOptions.PurgeAfter"/> has passed, and
/// marks their rows purged. The schedule's state is the table itself, so work left by a stop or a crash is
/// found again on the next start; running it on several silos at once is harmless.
/// </summary>
internal sealed partial class AttachmentPurge(
    AttachmentStore store, IBlobStore blobs, IOptions<AttachmentOptions> options, Clock clock, ILogger<AttachmentPurge> logger) : BackgroundService
{
    private const int Batch = 100;

    /// <summary>Purges everything due now; the number of blobs removed.</summary>
    public async Task<int> PurgeDue(CancellationToken cancellationToken)
    {
        var purged = 0;
        while (true)
        {
            var due = await store.Unpurged(clock.Now() - options.Value.PurgeAfter, Batch);
            foreach (var blob in due)
            {
                await blobs.Delete(blob.StorageName, cancellationToken);
                await store.MarkPurged(blob.Id, clock.Now());
            }

            purged += due.Count;
            if (due.Count < Batch)
            {
                return purged;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval);
        do
        {
            try
            {
                if (await PurgeDue(stoppingToken) is > 0 and var purged)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged the blobs of {Count} deleted attachments")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment purge failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
