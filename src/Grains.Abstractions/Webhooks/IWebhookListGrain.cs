using TicketPlatform.Common;

namespace TicketPlatform.Webhooks;

/// <summary>The list of registered endpoints, newest first (a stateless query).</summary>
[Alias("tp.IWebhookListGrain")]
public interface IWebhookListGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<Result<Page<WebhookView>>> List(Actor actor, WebhookListQuery query);
}
