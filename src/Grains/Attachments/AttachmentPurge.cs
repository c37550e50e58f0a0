using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketPlatform.Common;

namespace TicketPlatform.Attachments;

/// <summary>
/// Removes the blobs of deleted attachments once <see cref="AttachmentOptions.PurgeAfter"/> has passed, and
/// marks their rows purged; and removes orphans, blobs no row names once <see cref="AttachmentOptions.OrphanAfter"/>
/// has passed, with what unfinished writes left. The schedule's state is the table and the store themselves, so work
/// left by a stop or a crash is found again on the next start; running it on several silos at once is harmless.
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

    /// <summary>Where the previous orphan search ended (blobs written before it were looked at) and when it ran; nothing at start.</summary>
    private (DateTimeOffset SweptUntil, DateTimeOffset At)? _lastSweep;

    /// <summary>
    /// Removes orphaned blobs and abandoned writes older than the grace period, looking only at blobs written since the
    /// previous search (at start: at all of them), at most once per <see cref="AttachmentOptions.OrphanSweepInterval"/>; how many.
    /// </summary>
    public async Task<int> SweepOrphans(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        if (_lastSweep is { } last && now - last.At < options.Value.OrphanSweepInterval)
        {
            return 0;
        }

        var cutoff = now - options.Value.OrphanAfter;
        var removed = await blobs.RemoveAbandonedWrites(cutoff, cancellationToken);
        await foreach (var names in blobs.WrittenBetween(_lastSweep?.SweptUntil ?? DateTimeOffset.MinValue, cutoff, cancellationToken).Chunk(Batch).WithCancellation(cancellationToken))
        {
            var recorded = await store.Recorded(names);
            foreach (var orphan in names.Where(name => !recorded.Contains(name)))
            {
                await blobs.Delete(orphan, cancellationToken);
                removed++;
            }
        }

        _lastSweep = (cutoff, now);
        return removed;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Periodically.Run(options.Value.PurgeInterval, async cancellationToken =>
    {
        if (await PurgeDue(cancellationToken) is > 0 and var purged)
        {
            LogPurged(logger, purged);
        }

        if (await SweepOrphans(cancellationToken) is > 0 and var orphans)
        {
            LogOrphansRemoved(logger, orphans);
        }
    }, e => LogFailed(logger, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged the blobs of {Count} deleted attachments")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} blobs that no attachment records (uploads whose commit never happened)")]
    private static partial void LogOrphansRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment purge failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
