using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Users;

/// <summary><c>GET /api/users/agents</c> and <c>GET /api/users/search</c>: the staff list for assigning and the search for inviting.</summary>
public abstract class UserDirectoryTests(ApiFixture fixture) : UsersTestBase(fixture)
{
    [Fact]
    public async Task Agents_are_the_active_AGENTs_and_ADMINs()
    {
        var marker = Marker();
        var admin = await NewPerson($"Admin {marker}", role: "ADMIN");
        var agent = await NewPerson($"Agent {marker}");
        await admin.Client.PatchJson($"/api/users/{agent.Id}/role", new { role = UserRole.Agent });
        var retired = await NewPerson($"Retired {marker}");
        await admin.Client.PatchJson($"/api/users/{retired.Id}/role", new { role = UserRole.Agent });
        await admin.Client.PostAsync($"/api/users/{retired.Id}/deactivate", null);
        await NewPerson($"User {marker}");

        var page = await (await agent.Client.GetAsync($"/api/users/agents?q={marker}&includeTotal=true")).Read<UserPage>();

        Assert.Equal([admin.Id, agent.Id], page.Items.Select(u => u.Id));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Agents_pages_with_a_cursor()
    {
        var admin = await NewAdmin();
        await NewAgent(admin);

        var first = await (await admin.Client.GetAsync("/api/users/agents?limit=1")).Read<UserPage>();
        var second = await (await admin.Client.GetAsync($"/api/users/agents?limit=1&cursor={first.NextCursor}")).Read<UserPage>();

        Assert.Single(first.Items);
        Assert.Single(second.Items);
        Assert.NotEqual(first.Items[0].Id, second.Items[0].Id);
    }

    [Fact]
    public async Task Agents_is_403_for_a_USER()
    {
        var user = await NewUser();

        await (await user.Client.GetAsync("/api/users/agents")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Agents_rejects_a_bad_limit()
    {
        var agent = await NewAgent();

        var problem = await (await agent.Client.GetAsync("/api/users/agents?limit=abc")).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.NotNull(problem["errors"]?["limit"]);
    }

    [Fact]
    public async Task Search_is_open_to_any_user_and_returns_exactly_id_name_email()
    {
        var marker = Marker();
        var found = await NewPerson($"Found {marker}", $"{marker}@example.com");
        var searcher = await NewUser();

        var response = await searcher.Client.GetAsync($"/api/users/search?q={marker}");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(body["items"]!.AsArray())!.AsObject();
        Assert.Equal(["email", "id", "name"], item.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(found.Id.ToString(), (string?)item["id"]);
        Assert.Equal($"Found {marker}", (string?)item["name"]);
        Assert.Equal($"{marker}@example.com", (string?)item["email"]);
        Assert.True(body.ContainsKey("nextCursor"));
    }

    [Fact]
    public async Task Search_leaves_out_deactivated_users()
    {
        var admin = await NewAdmin();
        var marker = Marker();
        var gone = await NewPerson($"Gone {marker}");
        await admin.Client.PostAsync($"/api/users/{gone.Id}/deactivate", null);

        var page = await (await admin.Client.GetAsync($"/api/users/search?q={marker}")).Read<SearchPage>();

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Search_pages_with_a_cursor_and_a_total()
    {
        var marker = Marker();
        var first = await NewPerson($"One {marker}");
        var second = await NewPerson($"Two {marker}");

        var page1 = await (await first.Client.GetAsync($"/api/users/search?q={marker}&limit=1&includeTotal=true")).Read<SearchPage>();
        var page2 = await (await first.Client.GetAsync($"/api/users/search?q={marker}&limit=1&cursor={page1.NextCursor}")).Read<SearchPage>();

        Assert.Equal([first.Id, second.Id], page1.Items.Concat(page2.Items).Select(u => u.Id));
        Assert.Equal(2, page1.Total);
        Assert.Null(page2.NextCursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=a")]
    [InlineData("?q=%20a%20")]
    public async Task Search_needs_at_least_two_characters(string query)
    {
        var user = await NewUser();

        var problem = await (await user.Client.GetAsync($"/api/users/search{query}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.NotNull(problem["errors"]?["q"]);
    }

    private sealed record SearchHit(Guid Id, string? Name, string? Email);

    private sealed record SearchPage(SearchHit[] Items, string? NextCursor, long? Total);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteUserDirectoryTests(SqliteApi fixture) : UserDirectoryTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresUserDirectoryTests(PostgresApi fixture) : UserDirectoryTests(fixture);
