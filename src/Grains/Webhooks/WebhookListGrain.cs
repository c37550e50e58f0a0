using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Webhooks;

[StatelessWorker, Reentrant]
internal sealed class WebhookListGrain(WebhookStore store) : Grain, IWebhookListGrain
{
    public async Task<Result<Page<WebhookView>>> List(Actor actor, WebhookListQuery query)
    {
        if (!actor.IsAdmin)
        {
            return WebhookGrain.NotAdmin(actor)!;
        }

        return NewestFirst.Validate(query, out var after) is { } invalid ? invalid : await store.List(query, after);
    }
}
