using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Events;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Persistence;
using TicketPlatform.Sla;
using TicketPlatform.TestSupport;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Sla;

/// <summary>
/// An Api whose SLA scan runs every 200 ms, so warnings and breaches of second-long targets come within a test.
/// Policies are global and tried in order: each test matches its policies to a category of its own, so the
/// policies of the tests before it never apply to its tickets.
/// </summary>
public abstract class SlaClockTestBase(ApiFixture fixture) : SlaPolicyTestBase(fixture)
{
    protected async Task<(TestUser Admin, TestUser Agent, TestUser Requester, Guid CategoryId)> Cast()
    {
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);
        var requester = await NewUser();
        var category = await (await admin.Client.PostJson("/api/categories", new { name = UniqueName("SLA") })).Read<JsonObject>(HttpStatusCode.Created);
        return (admin, agent, requester, Guid.Parse((string)category["id"]!));
    }

    /// <summary>A 24×7 policy for <paramref name="priority"/> tickets of <paramref name="categoryId"/>.</summary>
    protected static Task<SlaPolicyView> Policy(TestUser admin, Guid categoryId, string priority, string? firstResponse = null, string? resolution = null) =>
        CreatePolicy(admin, Body(change: body =>
        {
            body["match"] = new JsonObject { ["priorities"] = new JsonArray(priority), ["categoryIds"] = new JsonArray(categoryId.ToString()) };
            body["targets"] = new JsonObject { ["firstResponse"] = firstResponse, ["nextResponse"] = null, ["resolution"] = resolution };
        }));

    protected static async Task<TicketView> Open(TestUser requester, Guid categoryId, string priority) =>
        await (await requester.Client.PostJson("/api/tickets", new { title = "Server down", description = "Nothing answers.", priority, categoryId }))
            .Read<TicketView>(HttpStatusCode.Created);

    protected static async Task<TicketSlaView> Sla(TestUser staff, string number) =>
        await (await staff.Client.GetAsync($"/api/tickets/{number}/sla")).Read<TicketSlaView>();

    protected static SlaClockView Clock(TicketSlaView sla, SlaKind kind) => Assert.Single(sla.Targets, clock => clock.Kind == kind);

    /// <summary>The SLA events of the ticket's timeline as <paramref name="caller"/> reads it.</summary>
    protected static async Task<EventResponse[]> SlaEventsOf(TestUser caller, string number) =>
        [.. (await Events(caller, number, "?limit=100")).Where(e => e.Type is TicketEventType.SlaApplied or TicketEventType.SlaWarning or TicketEventType.SlaBreached)];

    protected static Task<HttpResponseMessage> Post(TestUser author, string number, string visibility) =>
        author.Client.PostJson($"/api/tickets/{number}/messages", new { content = "On it.", visibility });

    /// <summary>What a USER must never see: SLA events on the timeline, an <c>sla</c> field on the ticket, the clocks.</summary>
    protected static async Task AssertNothingShownTo(TestUser user, string number)
    {
        Assert.Empty(await SlaEventsOf(user, number));
        var detail = await (await user.Client.GetAsync($"/api/tickets/{number}")).Read<JsonObject>();
        Assert.False(detail.ContainsKey("sla"), detail.ToJsonString());
        var list = await (await user.Client.GetAsync("/api/tickets?limit=100")).Read<JsonObject>();
        Assert.All(list["items"]!.AsArray(), item => Assert.False(item!.AsObject().ContainsKey("sla")));
        await (await user.Client.GetAsync($"/api/tickets/{number}/sla")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}

/// <summary>
/// An Api for the tests that leave SLA policies behind (policy writes, the access matrix): a policy is global and
/// applies to every ticket opened after it, so these must not share a database with tests that read exact timelines.
/// </summary>
public sealed class SqlitePolicyApi() : ApiFixture(DatabaseProvider.Sqlite);

public sealed class PostgresPolicyApi() : ApiFixture(DatabaseProvider.Postgres);

[CollectionDefinition(nameof(SqlitePolicyApi))]
public sealed class SqlitePolicyApiCollection : ICollectionFixture<SqlitePolicyApi>;

[CollectionDefinition(nameof(PostgresPolicyApi))]
public sealed class PostgresPolicyApiCollection : ICollectionFixture<PostgresPolicyApi>;

public sealed class SqliteSlaApi() : ApiFixture(DatabaseProvider.Sqlite, SlaSettings.QuickScan);

public sealed class PostgresSlaApi() : ApiFixture(DatabaseProvider.Postgres, SlaSettings.QuickScan);

public static class SlaSettings
{
    public static readonly IReadOnlyDictionary<string, string?> QuickScan = new Dictionary<string, string?>
    {
        ["TicketPlatform:Sla:ScanInterval"] = "00:00:00.200",
    };
}

[CollectionDefinition(nameof(SqliteSlaApi))]
public sealed class SqliteSlaApiCollection : ICollectionFixture<SqliteSlaApi>;

[CollectionDefinition(nameof(PostgresSlaApi))]
public sealed class PostgresSlaApiCollection : ICollectionFixture<PostgresSlaApi>;
