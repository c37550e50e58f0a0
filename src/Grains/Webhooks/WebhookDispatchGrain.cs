using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketPlatform.Common;

namespace TicketPlatform.Webhooks;

/// <summary>
/// One activation for the cluster: moves the event outbox into per-endpoint deliveries (each outbox entry exactly once,
/// in the transaction that removes it) and wakes the deliverers with work. Nothing is held here; the tables are the queue.
/// </summary>
internal sealed partial class WebhookDispatchGrain(WebhookStore store, Clock clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatchGrain> logger)
    : Grain, IWebhookDispatchGrain
{
    private const int OutboxBatch = 500;
    private const int WakeBatch = 1000;

    private Task? _running;
    private bool _again;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public Task Nudge()
    {
        _again = true;
        // A pass can finish synchronously (SQLite's async calls do), so "running" is a task not yet completed, never a field reset at its end.
        if (_running is not { IsCompleted: false })
        {
            _running = RunWhileAsked();
        }

        return Task.CompletedTask;
    }

    private async Task RunWhileAsked()
    {
        try
        {
            while (_again)
            {
                _again = false;
                await Pass();
            }
        }
        catch (Exception e)
        {
            LogPassFailed(e);
        }
    }

    private async Task Pass()
    {
        var served = new HashSet<Guid>();
        while (true)
        {
            var (taken, webhooks) = await store.Dispatch(clock.Now(), options.Value.RetryWindow, OutboxBatch);
            served.UnionWith(webhooks);
            if (taken < OutboxBatch)
            {
                break;
            }
        }

        await PurgeLogWhenDue();
        served.UnionWith(await store.WebhooksWithDue(clock.Now(), WakeBatch));
        foreach (var webhookId in served)
        {
            await GrainFactory.GetGrain<IWebhookGrain>(webhookId).Nudge();
        }
    }

    /// <summary>The delivery-log retention: at most once per purge interval, by the cluster's one dispatcher.</summary>
    private async Task PurgeLogWhenDue()
    {
        var now = clock.Now();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + options.Value.DeliveryLogPurgeInterval;
        await store.PurgeLog(now - options.Value.DeliveryLogRetention);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook dispatch pass failed; the schedule runs it again")]
    private partial void LogPassFailed(Exception exception);
}
