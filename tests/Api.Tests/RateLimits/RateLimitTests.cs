using System.Net;
using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.RateLimits;

/// <summary>An Api with rate limits on and budgets small enough to spend in a test.</summary>
public sealed class RateLimitedApi() : ApiFixture(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["TicketPlatform:RateLimits:Enabled"] = "true",
    ["TicketPlatform:RateLimits:ReadsPerMinute"] = RateLimitTests.Reads.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["TicketPlatform:RateLimits:WritesPerMinute"] = RateLimitTests.Writes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["TicketPlatform:RateLimits:AnonymousPerMinute"] = RateLimitTests.Anonymous.ToString(System.Globalization.CultureInfo.InvariantCulture),
});

[CollectionDefinition(nameof(RateLimitedApi))]
public sealed class RateLimitedApiCollection : ICollectionFixture<RateLimitedApi>;

[Collection(nameof(RateLimitedApi))]
public sealed class RateLimitTests(RateLimitedApi fixture) : ApiTestBase(fixture)
{
    public const int Reads = 6;
    public const int Writes = 3;
    public const int Anonymous = 2;

    [Fact]
    public async Task A_burst_past_the_write_budget_is_429_with_retry_after_and_ratelimit_headers_and_creates_nothing_more()
    {
        var user = await NewUser();

        for (var i = 1; i <= Writes; i++)
        {
            var created = await user.Client.PostJson("/api/tickets", new { title = $"Burst {i}", description = "Again." });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"\"writes\";q={Writes};w=60", Header(created, "RateLimit-Policy"));
            Assert.StartsWith($"\"writes\";r={Writes - i};t=", Header(created, "RateLimit"));
        }

        var refused = await user.Client.PostJson("/api/tickets", new { title = "One too many", description = "Again." });

        await refused.Problem(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        var retryAfter = int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal($"\"writes\";q={Writes};w=60", Header(refused, "RateLimit-Policy"));
        Assert.StartsWith("\"writes\";r=0;t=", Header(refused, "RateLimit"));
        var mine = await (await user.Client.GetAsync($"/api/tickets?requesterId={user.Id}")).Read<TicketPage>();
        Assert.Equal(Writes, mine.Items.Length);
        Assert.DoesNotContain(mine.Items, t => t.Title == "One too many");
    }

    [Fact]
    public async Task Reads_and_writes_are_separate_budgets_of_each_caller()
    {
        var user = await NewUser();
        var other = await NewUser();

        for (var i = 1; i < Reads; i++)
        {
            var read = await user.Client.GetAsync("/api/users/me");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal($"\"reads\";q={Reads};w=60", Header(read, "RateLimit-Policy"));
        }

        await (await user.Client.GetAsync("/api/tickets")).Problem(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        await (await user.Client.PostJson("/api/tickets", new { title = "Still writing", description = "Writes have their own budget." })).Read<TicketView>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/users/me")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_requests_spend_the_addresss_budget_and_health_and_docs_are_never_limited()
    {
        var anonymous = Api.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= Anonymous; i++)
        {
            answers.Add((await anonymous.GetAsync("/api/tickets")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.All(answers[..^1], status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        for (var i = 0; i <= Reads; i++)
        {
            var health = await anonymous.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.False(health.Headers.Contains("RateLimit"));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/docs/v1/openapi.json")).StatusCode);
        }
    }

    [Fact]
    public async Task Hub_invocations_spend_the_write_budget_and_are_refused_past_it()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        await using var hub = await HubClient.Connect(Api, Api.Token(user.User.Subject));

        for (var i = 1; i < Writes; i++)
        {
            await hub.Join(ticket.Number);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.Join(ticket.Number));
        Assert.Contains("RATE_LIMITED", refused.Message);
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Problem(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header");
}
