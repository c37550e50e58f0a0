using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using TicketPlatform.Events;

namespace TicketPlatform.Webhooks;

/// <summary>
/// The durable schedule of webhook delivery: every silo nudges the one dispatcher each <see cref="WebhookOptions.ScanInterval"/>,
/// so the outbox is drained and due deliveries are sent after any restart or silo failure; commits nudge it at once
/// (<see cref="ICommittedEventsListener"/>) so deliveries normally start without waiting for the next tick.
/// </summary>
internal sealed partial class WebhookSchedule(
    IGrainFactory grains, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookSchedule> logger)
    : ILifecycleParticipant<ISiloLifecycle>, ICommittedEventsListener, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WebhookSchedule), ServiceLifecycleStage.Active, Start, Stop);

    public void Committed() => Nudge();

    public void Dispose() => _stopping.Dispose();

    private Task Start(CancellationToken cancellationToken)
    {
        _running = Run(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_running is { } running)
        {
            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task Run(CancellationToken stopping)
    {
        Nudge();
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                Nudge();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Nudge()
    {
        try
        {
            grains.GetGrain<IWebhookDispatchGrain>(0).Nudge().Ignore();
        }
        catch (Exception e)
        {
            LogNudgeFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not nudge the webhook dispatcher; the next tick tries again")]
    private partial void LogNudgeFailed(Exception exception);
}
