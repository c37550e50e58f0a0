namespace TicketPlatform.Webhooks;

/// <summary>
/// Turns the committed events of the event outbox into deliveries, one per matching endpoint, and wakes the endpoints
/// with deliveries due. One activation for the cluster (key 0), nudged after commits and by every silo's schedule.
/// </summary>
[Alias("tp.IWebhookDispatchGrain")]
public interface IWebhookDispatchGrain : IGrainWithIntegerKey
{
    /// <summary>Starts a pass if none is running (or one more after the running one) and returns at once.</summary>
    [Alias("Nudge"), Orleans.Concurrency.OneWay]
    Task Nudge();
}
