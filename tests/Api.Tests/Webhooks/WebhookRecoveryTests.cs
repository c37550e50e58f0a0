using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>Nothing lost and nothing out of order: a receiver that is down, concurrent writers, manual redelivery.</summary>
public abstract class WebhookRecoveryTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    [Fact]
    public async Task A_receiver_that_was_down_gets_every_event_in_order_once_it_is_up_again()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await Register(admin, receiver, includeInternal: true);
        var ticket = await CreateTicket(await NewUser());
        await Acknowledged(receiver, ticket.Number, [1]);

        await receiver.Stop();
        foreach (var status in new[] { "IN_PROGRESS", "RESOLVED", "CLOSED", "OPEN" })
        {
            await ChangeStatus(admin, ticket.Number, status);
        }

        await Eventually.Until(
            async () => (await Deliveries(admin, webhook)).Where(d => d.TicketNumber == ticket.Number).ToArray(),
            log => log.Any(d => d is { Status: WebhookDeliveryStatus.Retrying, Attempts: >= 2 }),
            "failed attempts against the stopped receiver");
        await receiver.Start();

        var seqs = await AllSeqs(admin, ticket.Number);
        var received = await Acknowledged(receiver, ticket.Number, seqs);
        var firstArrivals = received.DistinctBy(r => r.Seq).Select(r => r.Seq);
        Assert.Equal(seqs.Order(), firstArrivals);
        Assert.All(received, r => SignatureCheck.AssertSignedWith(r, webhook.Secret!));
        await Unregister(admin, webhook);
    }

    [Fact]
    public async Task Under_concurrent_writes_to_many_tickets_each_ticket_arrives_in_seq_order_with_nothing_missing()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        // Every third request fails, so retries interleave with fresh deliveries.
        receiver.Answer = (before, _) => before.Count % 3 == 2 ? 500 : 200;
        var webhook = await Register(admin, receiver, includeInternal: true);
        var requester = await NewUser();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CreateTicket(requester, $"Concurrent {i}")));

        await Task.WhenAll(tickets.Select(ticket => Task.Run(async () =>
        {
            foreach (var i in Enumerable.Range(0, 6))
            {
                var writer = i % 2 == 0 ? requester : admin;
                await (await writer.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = $"Note {i}", visibility = "PUBLIC" }))
                    .Read<JsonObject>(HttpStatusCode.Created);
            }
        })));

        foreach (var ticket in tickets)
        {
            var seqs = await AllSeqs(admin, ticket.Number);
            var received = await Acknowledged(receiver, ticket.Number, seqs);
            AssertInOrder(received);
            Assert.Equal(seqs.Order(), received.Where(r => r.Succeeded).Select(r => r.Seq));
            Assert.All(received.GroupBy(r => r.Seq), attempts => Assert.Single(attempts.Select(r => r.Id).Distinct()));
        }

        await Unregister(admin, webhook);
    }

    [Fact]
    public async Task A_manual_redelivery_sends_the_event_again_with_the_same_webhook_id()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await Register(admin, receiver, ["TICKET_CREATED"]);
        var ticket = await CreateTicket(await NewUser());
        var first = (await Acknowledged(receiver, ticket.Number, [1])).Single();
        var delivery = await Eventually.Until(
            async () => (await Deliveries(admin, webhook)).Single(d => d.TicketNumber == ticket.Number),
            d => d.Status == WebhookDeliveryStatus.Succeeded, "the first delivery logged");

        var queued = await (await admin.Client.PostAsync($"/api/webhooks/{webhook.Id}/deliveries/{delivery.Id}/redeliver", null)).Read<WebhookDeliveryView>();

        Assert.Equal(delivery.Id, queued.Id);
        var again = await Eventually.Until(() => Task.FromResult(receiver.About(ticket.Number)), r => r.Length == 2, "the redelivery");
        Assert.Equal(first.Id, again[1].Id);
        Assert.Equal(first.Body, again[1].Body);
        SignatureCheck.AssertSignedWith(again[1], webhook.Secret!);
        var logged = await Eventually.Until(
            async () => (await Deliveries(admin, webhook)).Single(d => d.Id == delivery.Id),
            d => d is { Status: WebhookDeliveryStatus.Succeeded, Attempts: 2 }, "the redelivery logged");
        Assert.Equal(200, logged.LastStatusCode);

        await (await admin.Client.PostAsync($"/api/webhooks/{webhook.Id}/deliveries/{Guid.NewGuid()}/redeliver", null)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await admin.Client.PostAsync($"/api/webhooks/{webhook.Id}/deliveries/not-a-uuid/redeliver", null)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await Unregister(admin, webhook);
    }

    /// <summary>A ticket's event never arrives before every earlier event of the ticket was acknowledged.</summary>
    private static void AssertInOrder(ReceivedWebhook[] received)
    {
        var acknowledged = new HashSet<long>();
        foreach (var webhook in received)
        {
            var earlier = received.Where(r => r.Seq < webhook.Seq).Select(r => r.Seq).Distinct();
            Assert.True(earlier.All(acknowledged.Contains), $"{webhook} arrived before an earlier event was acknowledged: {string.Join(" | ", received)}");
            if (webhook.Succeeded)
            {
                acknowledged.Add(webhook.Seq);
            }
        }
    }
}

[Collection(nameof(SqliteWebhookApi))]
public sealed class SqliteWebhookRecoveryTests(SqliteWebhookApi fixture) : WebhookRecoveryTests(fixture);

[Collection(nameof(PostgresWebhookApi))]
public sealed class PostgresWebhookRecoveryTests(PostgresWebhookApi fixture) : WebhookRecoveryTests(fixture);
