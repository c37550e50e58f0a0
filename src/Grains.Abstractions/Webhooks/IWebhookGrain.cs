using TicketPlatform.Common;

namespace TicketPlatform.Webhooks;

/// <summary>
/// One webhook endpoint (key: its id): the single writer of its row and the single deliverer of its queue, so in the
/// cluster exactly one activation sends to an endpoint at a time. ADMIN only.
/// </summary>
[Alias("tp.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<Result<WebhookView>> Create(Actor actor, CreateWebhook command);

    [Alias("Get")]
    Task<Result<WebhookView>> Get(Actor actor);

    [Alias("Edit")]
    Task<Result<WebhookView>> Edit(Actor actor, EditWebhook command);

    [Alias("Delete")]
    Task<Result<bool>> Delete(Actor actor);

    /// <summary>A new secret, shown once; the previous one is still used to sign for the overlap (24 h).</summary>
    [Alias("RotateSecret")]
    Task<Result<WebhookView>> RotateSecret(Actor actor);

    [Alias("Ping")]
    Task<Result<WebhookPingResult>> Ping(Actor actor);

    /// <summary>The delivery log, newest first.</summary>
    [Alias("ListDeliveries")]
    Task<Result<Page<WebhookDeliveryView>>> ListDeliveries(Actor actor, WebhookListQuery query);

    /// <summary>Queues a delivery again (whatever its status) with a fresh 24 h window; its webhook-id stays.</summary>
    [Alias("Redeliver")]
    Task<Result<WebhookDeliveryView>> Redeliver(Actor actor, Guid deliveryId);

    /// <summary>Tells the deliverer that deliveries may be due: it sends what is due now and returns at once.</summary>
    [Alias("Nudge"), Orleans.Concurrency.OneWay]
    Task Nudge();
}
