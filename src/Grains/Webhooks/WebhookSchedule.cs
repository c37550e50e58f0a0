using Microsoft.Extensions.Logging;
using TicketPlatform.Events;

namespace TicketPlatform.Webhooks;

/// <summary>
/// The durable schedule of webhook delivery: every silo's ticker nudges the one dispatcher at start and each
/// <see cref="WebhookOptions.ScanInterval"/>, so the outbox is drained and due deliveries are sent after any restart or
/// silo failure; commits nudge it at once (<see cref="ICommittedEventsListener"/>) so deliveries normally start without
/// waiting for the next tick.
/// </summary>
internal sealed partial class WebhookSchedule(IGrainFactory grains, ILogger<WebhookSchedule> logger) : ICommittedEventsListener
{
    public void Committed() => Nudge();

    public void Nudge()
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
