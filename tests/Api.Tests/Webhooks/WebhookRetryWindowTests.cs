using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>With a 2 s retry window and a 5 s log retention: DEAD after the schedule, and finished deliveries leave the log.</summary>
public abstract class WebhookRetryWindowTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    [Fact]
    public async Task A_delivery_that_never_succeeds_is_DEAD_when_the_retry_schedule_is_exhausted_and_later_events_follow()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, request) => request.Seq == 1 ? 500 : 200;
        var webhook = await Register(admin, receiver);
        var ticket = await CreateTicket(await NewUser());
        await ChangeStatus(admin, ticket.Number, "IN_PROGRESS");

        var dead = await Eventually.Until(
            async () => (await Deliveries(admin, webhook)).SingleOrDefault(d => d.TicketNumber == ticket.Number && d.Seq == 1),
            d => d?.Status == WebhookDeliveryStatus.Dead, "the first delivery DEAD");

        Assert.True(dead!.Attempts >= 2, $"DEAD after {dead.Attempts} attempt(s)");
        Assert.Equal(500, dead.LastStatusCode);
        Assert.Null(dead.NextAttemptAt);
        var attempts = receiver.About(ticket.Number).Where(r => r.Seq == 1).ToArray();
        Assert.Equal(dead.Attempts, attempts.Length);
        Assert.Single(attempts.Select(r => r.Id).Distinct());
        // A dead event no longer holds the ticket's later events back.
        var later = (await AllSeqs(admin, ticket.Number)).Where(seq => seq > 1).ToArray();
        var next = await Acknowledged(receiver, ticket.Number, later);
        Assert.Contains(next, r => r is { Type: "STATUS_CHANGED", Succeeded: true });
        await Unregister(admin, webhook);
    }

    [Fact]
    public async Task Finished_deliveries_leave_the_log_after_the_retention_and_unfinished_ones_stay()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await Register(admin, receiver, ["TICKET_CREATED"]);
        var ticket = await CreateTicket(await NewUser());
        await Acknowledged(receiver, ticket.Number, [1]);
        var succeeded = await Eventually.Until(
            async () => (await Deliveries(admin, webhook)).SingleOrDefault(d => d.TicketNumber == ticket.Number),
            d => d?.Status == WebhookDeliveryStatus.Succeeded, "the delivery logged as SUCCEEDED");
        receiver.Answer = (_, _) => 503;
        var failing = await CreateTicket(await NewUser());

        await Eventually.True(
            async () => (await Deliveries(admin, webhook)).All(d => d.Id != succeeded!.Id), "the SUCCEEDED delivery purged after the retention");

        // The failing one is DEAD after 2 s and purged 5 s later; until then it is in the log, whatever its age.
        var log = await Deliveries(admin, webhook);
        Assert.Contains(log, d => d.TicketNumber == failing.Number);
        await Unregister(admin, webhook);
    }
}

[Collection(nameof(SqliteShortWindowWebhookApi))]
public sealed class SqliteWebhookRetryWindowTests(SqliteShortWindowWebhookApi fixture) : WebhookRetryWindowTests(fixture);

[Collection(nameof(PostgresShortWindowWebhookApi))]
public sealed class PostgresWebhookRetryWindowTests(PostgresShortWindowWebhookApi fixture) : WebhookRetryWindowTests(fixture);
