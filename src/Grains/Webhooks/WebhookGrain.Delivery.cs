using Microsoft.Extensions.Logging;

namespace TicketPlatform.Webhooks;

/// <summary>
/// The deliverer: sends the endpoint's due deliveries, at most one per ticket at a time (so each ticket's events arrive
/// in seq order), records every attempt, and sets a timer for the next one due. The durable schedule wakes it again
/// after a restart or a move to another silo, since the queue lives in the database.
/// </summary>
internal sealed partial class WebhookGrain
{
    private Task? _delivering;
    private bool _deliverAgain;
    private IGrainTimer? _wakeUp;

    public Task Nudge()
    {
        StartDelivering();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(Id);
        return Task.CompletedTask;
    }

    /// <summary>Runs a delivery pass now, or one more right after the running one; never two at once.</summary>
    private void StartDelivering()
    {
        _deliverAgain = true;
        // A pass can finish synchronously (SQLite's async calls do), so "delivering" is a task not yet completed, never a field reset at its end.
        if (_delivering is not { IsCompleted: false })
        {
            _delivering = DeliverWhileAsked();
        }
    }

    private async Task DeliverWhileAsked()
    {
        try
        {
            do
            {
                while (_deliverAgain)
                {
                    _deliverAgain = false;
                    await DeliverDue();
                }

                await ScheduleWakeUp();
            }
            while (_deliverAgain);
        }
        catch (Exception e)
        {
            LogDeliveryPassFailed(e, Id);
        }
    }

    private async Task DeliverDue()
    {
        var retry = WebhookRetrySchedule.From(options.Value);
        while (_webhook is { } webhook)
        {
            var due = await store.DueHeads(Id, clock.Now(), options.Value.MaxConcurrentDeliveries);
            if (due.Length == 0)
            {
                return;
            }

            var outcomes = await Task.WhenAll(due.Select(delivery => Attempt(webhook, delivery, retry)));
            metrics.Backlog(Id, await store.Backlog(Id));
            if (outcomes.All(result => result == SendResult.CircuitOpen))
            {
                return;
            }
        }
    }

    private async Task<SendResult> Attempt(WebhookRecord webhook, DueDeliveryRow delivery, WebhookRetrySchedule retry)
    {
        var now = clock.Now();
        var outcome = await sender.Send(Id, webhook.Url, SigningSecrets(webhook, now), WebhookMessage.Of(delivery), now);
        var attempts = delivery.Attempts + 1;
        var attempt = outcome.Result switch
        {
            SendResult.Succeeded => new DeliveryAttempt(delivery.Id, delivery.Attempts, WebhookDeliveryStatus.Succeeded, true, outcome.StatusCode, null, now, null),
            SendResult.CircuitOpen => new DeliveryAttempt(
                delivery.Id, delivery.Attempts, EnumFrom(delivery.Status), false, delivery.LastStatusCode, outcome.Error, null,
                now + options.Value.CircuitBreakDuration),
            _ => retry.NextAttempt(attempts, now, delivery.GiveUpAt) is { } next
                ? new DeliveryAttempt(delivery.Id, delivery.Attempts, WebhookDeliveryStatus.Retrying, true, outcome.StatusCode, outcome.Error, now, next)
                : new DeliveryAttempt(delivery.Id, delivery.Attempts, WebhookDeliveryStatus.Dead, true, outcome.StatusCode, outcome.Error, now, null),
        };
        await store.Record(attempt);
        metrics.Attempted(attempt.Status, outcome);
        return outcome.Result;
    }

    private static WebhookDeliveryStatus EnumFrom(string status) => Common.EnumText.Parse<WebhookDeliveryStatus>(status);

    /// <summary>A timer for the next delivery due, so retries keep their times while the grain is active; the schedule covers the rest.</summary>
    private async Task ScheduleWakeUp()
    {
        _wakeUp?.Dispose();
        _wakeUp = null;
        if (_webhook is null || await store.NextDue(Id) is not { } next)
        {
            metrics.Backlog(Id, 0);
            return;
        }

        var wait = next - clock.Now();
        _wakeUp = this.RegisterGrainTimer(
            () =>
            {
                StartDelivering();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery pass of webhook {WebhookId} failed; the schedule runs it again")]
    private partial void LogDeliveryPassFailed(Exception exception, Guid webhookId);
}
