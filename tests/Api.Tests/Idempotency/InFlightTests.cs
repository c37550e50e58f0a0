using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Api.Tests.Webhooks;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Idempotency;

/// <summary>
/// A request kept in flight for as long as the test wants: a webhook ping waits for the receiver's answer, and the
/// receiver holds it until released.
/// </summary>
public abstract class InFlightTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    [Fact]
    public async Task The_same_request_while_the_first_runs_is_409_and_once_it_is_answered_its_replay()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Gate = release.Task;
        var webhook = await Register(admin, receiver, events: ["TICKET_RESTORED"]);
        var key = IdempotentPosts.NewKey();
        var url = $"/api/webhooks/{webhook.Id}/ping";

        var first = admin.Client.PostWithKey(url, new StringContent(""), key);
        await Eventually.Until(() => Task.FromResult(receiver.Received.Count), count => count == 1, "the first ping at the receiver");
        var meanwhile = await admin.Client.PostWithKey(url, new StringContent(""), key);
        var other = await admin.Client.PostWithKey($"/api/webhooks/{webhook.Id}/rotate-secret", new StringContent(""), key);
        release.SetResult();
        var answered = await first;
        var later = await admin.Client.PostWithKey(url, new StringContent(""), key);

        await meanwhile.Problem(HttpStatusCode.Conflict, "IDEMPOTENCY_IN_FLIGHT");
        await other.Problem(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");
        var ping = await answered.Read<WebhookPingResult>();
        Assert.True(ping.Succeeded);
        Assert.True(later.IsReplay());
        Assert.Equal(await answered.Content.ReadAsStringAsync(), await later.Content.ReadAsStringAsync());
        Assert.Single(receiver.Received);
        await Unregister(admin, webhook);
    }
}

[Collection(nameof(SqliteWebhookApi))]
public sealed class SqliteInFlightTests(SqliteWebhookApi fixture) : InFlightTests(fixture);

[Collection(nameof(PostgresWebhookApi))]
public sealed class PostgresInFlightTests(PostgresWebhookApi fixture) : InFlightTests(fixture);
