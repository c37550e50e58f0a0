using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Tickets;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>Helpers of the webhook tests: registering a receiver, reading the delivery log, waiting for arrivals.</summary>
public abstract class WebhookTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    protected static async Task<WebhookView> Register(TestUser admin, WebhookReceiver receiver, string[]? events = null, bool includeInternal = false) =>
        await (await admin.Client.PostJson("/api/webhooks", new { url = receiver.Url, events = events ?? ["*"], includeInternal })).Read<WebhookView>(HttpStatusCode.Created);

    /// <summary>Removes the endpoint, so later tests' events are not queued for a receiver that is gone.</summary>
    protected static async Task Unregister(TestUser admin, WebhookView webhook) =>
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/webhooks/{webhook.Id}")).StatusCode);

    protected static async Task<WebhookDeliveryView[]> Deliveries(TestUser admin, WebhookView webhook) =>
        (await (await admin.Client.GetAsync($"/api/webhooks/{webhook.Id}/deliveries?limit=100")).Read<DeliveryPage>()).Items;

    /// <summary>The checked scenario: a USER's ticket, three status changes by <paramref name="staff"/>, then their internal note.</summary>
    protected async Task<TicketView> TicketWithThreeStatusChangesAndAnInternalNote(TestUser staff)
    {
        var ticket = await CreateTicket(await NewUser());
        foreach (var status in new[] { "IN_PROGRESS", "RESOLVED", "CLOSED" })
        {
            await ChangeStatus(staff, ticket.Number, status);
        }

        await (await staff.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = "Between us", visibility = "INTERNAL" }))
            .Read<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);
        return ticket;
    }

    protected static async Task ChangeStatus(TestUser staff, string number, string status) =>
        await (await staff.Client.PatchJson($"/api/tickets/{number}/status", new { status })).Read<TicketView>();

    /// <summary>Waits until the receiver has acknowledged (2xx) every one of <paramref name="seqs"/> of the ticket.</summary>
    protected static Task<ReceivedWebhook[]> Acknowledged(WebhookReceiver receiver, string number, IEnumerable<long> seqs)
    {
        var wanted = seqs.ToHashSet();
        return Eventually.Until(
            () => Task.FromResult(receiver.About(number)),
            received => wanted.IsSubsetOf(received.Where(r => r.Succeeded).Select(r => r.Seq)),
            $"acknowledged deliveries of {number} seqs {string.Join(',', wanted.Order())}");
    }

    /// <summary>The seq numbers of the ticket's events an ADMIN reads on the timeline (INTERNAL included).</summary>
    protected static async Task<long[]> AllSeqs(TestUser admin, string number) =>
        [.. (await Events(admin, number, "?limit=100")).Select(e => e.Seq)];

    protected sealed record DeliveryPage(WebhookDeliveryView[] Items, string? NextCursor, long? Total);
}
