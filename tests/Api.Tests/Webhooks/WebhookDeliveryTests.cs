using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>Deliveries to a real receiver: signed, in seq order, filtered, retried with the same webhook-id, logged.</summary>
public abstract class WebhookDeliveryTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    [Fact]
    public async Task A_ticket_and_three_status_changes_arrive_signed_in_seq_order_and_the_internal_note_does_not()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await Register(admin, receiver);
        var ticket = await TicketWithThreeStatusChangesAndAnInternalNote(admin);
        var timeline = await Events(admin, ticket.Number);
        var note = timeline.Single(e => e.Type == TicketEventType.InternalNoteAdded);
        var publicSeqs = timeline.Where(e => e.Visibility == EventVisibility.Public).Select(e => e.Seq).ToArray();

        var received = await Acknowledged(receiver, ticket.Number, publicSeqs);
        // One more event after the note, so "the note did not arrive" is not just "it has not arrived yet".
        await ChangeStatus(admin, ticket.Number, "OPEN");
        received = await Acknowledged(receiver, ticket.Number, [(await AllSeqs(admin, ticket.Number)).Max()]);

        Assert.Equal(
            ["TICKET_CREATED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"],
            received.Where(r => r.Type is "TICKET_CREATED" or "STATUS_CHANGED").Select(r => r.Type));
        var timelineAfter = await Events(admin, ticket.Number);
        Assert.Equal(timelineAfter.Where(e => e.Visibility == EventVisibility.Public).Select(e => e.Seq), received.Select(r => r.Seq));
        Assert.DoesNotContain(received, r => r.Seq == note.Seq);
        Assert.All(received, r => SignatureCheck.AssertSignedWith(r, webhook.Secret!));
        Assert.All(received, r => Assert.StartsWith("msg_", r.Id, StringComparison.Ordinal));

        var first = JsonNode.Parse(received[0].Body)!;
        Assert.Equal(ticket.Number, (string?)first["data"]!["event"]!["ticketNumber"]);
        Assert.Equal(received[0].Seq, (long?)first["data"]!["event"]!["seq"]);
        Assert.Equal("TICKET_CREATED", (string?)first["data"]!["event"]!["type"]);
        Assert.NotNull(first["timestamp"]);
        await Unregister(admin, webhook);
    }

    [Fact]
    public async Task An_endpoint_with_includeInternal_gets_the_internal_note()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await Register(admin, receiver, includeInternal: true);
        var ticket = await CreateTicket(await NewUser());
        await (await admin.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = "Between us", visibility = "INTERNAL" }))
            .Read<JsonObject>(HttpStatusCode.Created);

        var received = await Acknowledged(receiver, ticket.Number, await AllSeqs(admin, ticket.Number));

        var note = Assert.Single(received, r => r.Type == "INTERNAL_NOTE_ADDED");
        SignatureCheck.AssertSignedWith(note, webhook.Secret!);
        Assert.DoesNotContain("Between us", note.Body, StringComparison.Ordinal);
        await Unregister(admin, webhook);
    }

    [Fact]
    public async Task An_endpoint_gets_only_the_event_types_it_asked_for()
    {
        var admin = await NewAdmin();
        await using var statusReceiver = await WebhookReceiver.StartAsync();
        await using var allReceiver = await WebhookReceiver.StartAsync();
        var statusOnly = await Register(admin, statusReceiver, ["STATUS_CHANGED"]);
        var all = await Register(admin, allReceiver, ["*"]);
        var ticket = await CreateTicket(await NewUser());
        await ChangeStatus(admin, ticket.Number, "IN_PROGRESS");
        await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}", new { title = "Renamed" })).Read<JsonObject>();
        await ChangeStatus(admin, ticket.Number, "RESOLVED");

        var everything = await Acknowledged(allReceiver, ticket.Number, await AllSeqs(admin, ticket.Number));
        var statuses = everything.Where(r => r.Type == "STATUS_CHANGED").Select(r => r.Seq).ToArray();
        var received = await Acknowledged(statusReceiver, ticket.Number, statuses);

        Assert.Contains(everything, r => r.Type == "TICKET_UPDATED");
        Assert.All(received, r => Assert.Equal("STATUS_CHANGED", r.Type));
        Assert.Equal(statuses, received.Select(r => r.Seq));
        // The status-only endpoint's log holds nothing else either.
        Assert.All((await Deliveries(admin, statusOnly)).Where(d => d.TicketNumber == ticket.Number), d => Assert.Equal("STATUS_CHANGED", d.Type));
        await Unregister(admin, statusOnly);
        await Unregister(admin, all);
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_same_webhook_id_three_times_and_the_log_shows_the_attempts()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst(2);
        var webhook = await Register(admin, receiver, ["TICKET_CREATED"]);
        var ticket = await CreateTicket(await NewUser());

        var received = await Acknowledged(receiver, ticket.Number, [1]);

        Assert.Equal([500, 500, 200], received.Select(r => r.Answered));
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.All(received, r => SignatureCheck.AssertSignedWith(r, webhook.Secret!));
        var delivery = await Eventually.Until(
            async () => (await Deliveries(admin, webhook)).Single(d => d.TicketNumber == ticket.Number),
            d => d.Status == WebhookDeliveryStatus.Succeeded, "the delivery logged as SUCCEEDED");
        Assert.Equal((3, 200), (delivery.Attempts, delivery.LastStatusCode));
        Assert.Equal(received[0].Id, $"msg_{delivery.Id:N}");
        Assert.NotNull(delivery.LastAttemptAt);
        Assert.Null(delivery.NextAttemptAt);
        await Unregister(admin, webhook);
    }

    [Fact]
    public async Task While_a_delivery_is_retried_the_log_shows_RETRYING_with_the_error_and_the_next_attempt()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => 503;
        var webhook = await Register(admin, receiver, ["TICKET_CREATED"]);
        var ticket = await CreateTicket(await NewUser());

        var retrying = await Eventually.Until(
            async () => (await Deliveries(admin, webhook)).SingleOrDefault(d => d.TicketNumber == ticket.Number),
            d => d is { Status: WebhookDeliveryStatus.Retrying, Attempts: >= 2 }, "the delivery retried twice");

        Assert.Equal(503, retrying!.LastStatusCode);
        Assert.StartsWith("HTTP 503", retrying.LastError, StringComparison.Ordinal);
        Assert.NotNull(retrying.NextAttemptAt);
        receiver.Answer = (_, _) => 204;
        await Acknowledged(receiver, ticket.Number, [1]);
        await Unregister(admin, webhook);
    }
}

[Collection(nameof(SqliteWebhookApi))]
public sealed class SqliteWebhookDeliveryTests(SqliteWebhookApi fixture) : WebhookDeliveryTests(fixture);

[Collection(nameof(PostgresWebhookApi))]
public sealed class PostgresWebhookDeliveryTests(PostgresWebhookApi fixture) : WebhookDeliveryTests(fixture);
