using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>The endpoints are ADMIN only, show a secret once, store it sealed, and refuse bad input with nothing changed.</summary>
public abstract class WebhookAdministrationTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    private const string Target = "http://127.0.0.1:9/hook";

    [Fact]
    public async Task Only_ADMINs_may_use_the_webhook_endpoints()
    {
        var admin = await NewAdmin();
        var webhook = await (await admin.Client.PostJson("/api/webhooks", new { url = Target, events = new[] { "*" } })).Read<WebhookView>(HttpStatusCode.Created);
        var agent = await NewAgent(admin);
        var user = await NewUser();
        var anonymous = Api.CreateClient();
        var deliveryUrl = $"/api/webhooks/{webhook.Id}/deliveries/{Guid.NewGuid()}/redeliver";
        var calls = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.PostJson("/api/webhooks", new { url = Target, events = new[] { "*" } }),
            c => c.GetAsync("/api/webhooks"),
            c => c.GetAsync($"/api/webhooks/{webhook.Id}"),
            c => c.PatchJson($"/api/webhooks/{webhook.Id}", new { description = "mine now" }),
            c => c.DeleteAsync($"/api/webhooks/{webhook.Id}"),
            c => c.PostAsync($"/api/webhooks/{webhook.Id}/rotate-secret", null),
            c => c.PostAsync($"/api/webhooks/{webhook.Id}/ping", null),
            c => c.GetAsync($"/api/webhooks/{webhook.Id}/deliveries"),
            c => c.PostAsync(deliveryUrl, null),
        };

        foreach (var call in calls)
        {
            await (await call(agent.Client)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await call(user.Client)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
            Assert.Equal(HttpStatusCode.Unauthorized, (await call(anonymous)).StatusCode);
        }

        var unchanged = await (await admin.Client.GetAsync($"/api/webhooks/{webhook.Id}")).Read<WebhookView>();
        Assert.Equal((webhook.Url, webhook.Description, webhook.UpdatedAt), (unchanged.Url, unchanged.Description, unchanged.UpdatedAt));
        await Unregister(admin, webhook);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_stored_sealed()
    {
        var admin = await NewAdmin();
        var response = await admin.Client.PostJson("/api/webhooks", new { url = Target, description = "CRM", events = new[] { "STATUS_CHANGED", "TICKET_CREATED" } });
        var created = await response.Read<WebhookView>(HttpStatusCode.Created);

        Assert.Equal($"/api/webhooks/{created.Id}", response.Headers.Location?.ToString());
        Assert.Matches("^whsec_[A-Za-z0-9+/]+=*$", created.Secret);
        Assert.True(Convert.FromBase64String(created.Secret!["whsec_".Length..]).Length >= 24);
        Assert.Equal((Target, "CRM", false), (created.Url, created.Description, created.IncludeInternal));
        Assert.Equal(["STATUS_CHANGED", "TICKET_CREATED"], created.Events);

        var read = await (await admin.Client.GetAsync($"/api/webhooks/{created.Id}")).Read<JsonObject>();
        Assert.False(read.ContainsKey("secret"));
        var listed = await (await admin.Client.GetAsync("/api/webhooks?limit=100")).Read<JsonObject>();
        Assert.Contains(listed["items"]!.AsArray(), item => (string?)item!["id"] == created.Id.ToString());
        Assert.DoesNotContain("whsec_", listed.ToJsonString(), StringComparison.Ordinal);
        var edited = await (await admin.Client.PatchJson($"/api/webhooks/{created.Id}", new { includeInternal = true })).Read<JsonObject>();
        Assert.False(edited.ContainsKey("secret"));

        var stored = await Api.Database.Scalar<string>("SELECT secret FROM webhooks WHERE id = @id", new { id = created.Id });
        var secretKey = created.Secret!["whsec_".Length..];
        Assert.DoesNotContain(secretKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Convert.FromBase64String(secretKey)), stored, StringComparison.OrdinalIgnoreCase);

        var rotated = await (await admin.Client.PostAsync($"/api/webhooks/{created.Id}/rotate-secret", null)).Read<WebhookView>();
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.Matches("^whsec_", rotated.Secret);
        Assert.NotNull(rotated.PreviousSecretExpiresAt);
        Assert.False((await (await admin.Client.GetAsync($"/api/webhooks/{created.Id}")).Read<JsonObject>()).ContainsKey("secret"));
        await Unregister(admin, created);
    }

    [Theory]
    [InlineData("""{"events":["*"]}""", "url")]
    [InlineData("""{"url":"not a url","events":["*"]}""", "url")]
    [InlineData("""{"url":"ftp://127.0.0.1/hook","events":["*"]}""", "url")]
    [InlineData("""{"url":"http://user:pw@127.0.0.1/hook","events":["*"]}""", "url")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook"}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","events":[]}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","events":["NO_SUCH_EVENT"]}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","events":["*","STATUS_CHANGED"]}""", "events")]
    public async Task Bad_registrations_are_refused_with_the_field_named_and_nothing_registered(string body, string field)
    {
        var admin = await NewAdmin();
        var before = await Count(admin);

        var problem = await (await admin.Client.PostRaw("/api/webhooks", body)).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, $"Expected an error naming '{field}': {problem.ToJsonString()}");
        Assert.Equal(before, await Count(admin));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"url":42,"events":["*"]}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","events":"*"}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","events":["*"],"includeInternal":"yes"}""")]
    public async Task Malformed_bodies_are_a_400_problem(string body)
    {
        var admin = await NewAdmin();
        var before = await Count(admin);

        var response = await admin.Client.PostRaw("/api/webhooks", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Count(admin));
    }

    [Fact]
    public async Task A_bad_edit_or_one_that_changes_nothing_leaves_the_webhook_as_it_was_and_unknown_ids_are_not_found()
    {
        var admin = await NewAdmin();
        var webhook = await (await admin.Client.PostJson("/api/webhooks", new { url = Target, description = "Kept", events = new[] { "STATUS_CHANGED" } }))
            .Read<WebhookView>(HttpStatusCode.Created);

        await (await admin.Client.PatchJson($"/api/webhooks/{webhook.Id}", new { url = "gopher://x", description = "Lost" })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.PatchJson($"/api/webhooks/{webhook.Id}", new { events = Array.Empty<string>() })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.PatchJson($"/api/webhooks/{webhook.Id}", new { description = new string('d', 1001) })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        var same = await (await admin.Client.PatchJson($"/api/webhooks/{webhook.Id}", new { description = "Kept", events = new[] { "STATUS_CHANGED" } })).Read<WebhookView>();
        Assert.Equal(webhook.UpdatedAt, same.UpdatedAt);
        var unchanged = await (await admin.Client.GetAsync($"/api/webhooks/{webhook.Id}")).Read<WebhookView>();
        Assert.Equal((Target, "Kept", webhook.UpdatedAt), (unchanged.Url, unchanged.Description, unchanged.UpdatedAt));
        Assert.Equal(["STATUS_CHANGED"], unchanged.Events);

        var edited = await (await admin.Client.PatchJson($"/api/webhooks/{webhook.Id}", new { events = new[] { "*" }, description = "" })).Read<WebhookView>();
        Assert.Equal(["*"], edited.Events);
        Assert.Null(edited.Description);

        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-uuid" })
        {
            await (await admin.Client.GetAsync($"/api/webhooks/{id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
            await (await admin.Client.PatchJson($"/api/webhooks/{id}", new { description = "x" })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
            await (await admin.Client.DeleteAsync($"/api/webhooks/{id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
            await (await admin.Client.PostAsync($"/api/webhooks/{id}/rotate-secret", null)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
            await (await admin.Client.GetAsync($"/api/webhooks/{id}/deliveries")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        await (await admin.Client.GetAsync($"/api/webhooks/{webhook.Id}/deliveries?limit=0")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.GetAsync($"/api/webhooks/{webhook.Id}/deliveries?cursor=garbage")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await Unregister(admin, webhook);
        await (await admin.Client.GetAsync($"/api/webhooks/{webhook.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_ping_reports_the_receivers_answer()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await Register(admin, receiver);

        var ping = await (await admin.Client.PostAsync($"/api/webhooks/{webhook.Id}/ping", null)).Read<WebhookPingResult>();

        Assert.Equal((true, 200), (ping.Succeeded, ping.StatusCode));
        var received = Assert.Single(receiver.Received);
        Assert.Equal("WEBHOOK_PING", received.Type);
        SignatureCheck.AssertSignedWith(received, webhook.Secret!);
        receiver.Answer = (_, _) => 418;
        var refused = await (await admin.Client.PostAsync($"/api/webhooks/{webhook.Id}/ping", null)).Read<WebhookPingResult>();
        Assert.Equal((false, 418), (refused.Succeeded, refused.StatusCode));
        await Unregister(admin, webhook);
    }

    private static async Task<long> Count(TestUser admin) =>
        (long)(await (await admin.Client.GetAsync("/api/webhooks?includeTotal=true")).Read<JsonObject>())["total"]!;
}

[Collection(nameof(SqliteWebhookApi))]
public sealed class SqliteWebhookAdministrationTests(SqliteWebhookApi fixture) : WebhookAdministrationTests(fixture);

[Collection(nameof(PostgresWebhookApi))]
public sealed class PostgresWebhookAdministrationTests(PostgresWebhookApi fixture) : WebhookAdministrationTests(fixture);
