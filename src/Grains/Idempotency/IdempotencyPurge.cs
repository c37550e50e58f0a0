using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketPlatform.Common;

namespace TicketPlatform.Idempotency;

/// <summary>
/// Deletes idempotency keys past their retention every <see cref="IdempotencyOptions.PurgeInterval"/>. Its state is the
/// table itself, so a stop or a crash loses nothing; running it on several silos at once is harmless.
/// </summary>
internal sealed partial class IdempotencyPurge(IdempotencyStore store, IOptions<IdempotencyOptions> options, ILogger<IdempotencyPurge> logger)
    : BackgroundService
{
    private const int Batch = 1000;

    /// <summary>Deletes every key past the retention now; how many.</summary>
    public async Task<int> PurgeDue()
    {
        var purged = 0;
        int deleted;
        do
        {
            deleted = await store.PurgeExpired(Batch);
            purged += deleted;
        }
        while (deleted == Batch);

        return purged;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Periodically.Run(options.Value.PurgeInterval, async _ =>
    {
        if (await PurgeDue() is > 0 and var purged)
        {
            LogPurged(logger, purged);
        }
    }, e => LogFailed(logger, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} idempotency keys past their retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key purge failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
