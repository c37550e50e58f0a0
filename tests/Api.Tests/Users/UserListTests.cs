using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Users;

/// <summary><c>GET /api/users</c>: ADMIN's list of all users with its filters and cursor pagination.</summary>
public abstract class UserListTests(ApiFixture fixture) : UsersTestBase(fixture)
{
    [Fact]
    public async Task Pages_oldest_first_with_a_cursor_and_an_exact_total()
    {
        var admin = await NewAdmin();
        var marker = Marker();
        var created = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await NewPerson($"Paged {marker} {i}"));
        }

        var first = await (await admin.Client.GetAsync($"/api/users?q={marker}&limit=2&includeTotal=true")).Read<UserPage>();
        var second = await (await admin.Client.GetAsync($"/api/users?q={marker}&limit=2&includeTotal=true&cursor={first.NextCursor}")).Read<UserPage>();

        Assert.Equal(created.Select(u => u.Id), first.Items.Concat(second.Items).Select(u => u.Id));
        Assert.Equal(2, first.Items.Length);
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        Assert.Equal(3, first.Total);
        Assert.Equal(3, second.Total);
    }

    [Fact]
    public async Task Total_is_absent_unless_asked_for()
    {
        var admin = await NewAdmin();

        var body = await (await admin.Client.GetAsync("/api/users?limit=1")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("\"total\"", body, StringComparison.Ordinal);
        Assert.Contains("\"nextCursor\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_role_and_active_flag()
    {
        var admin = await NewAdmin();
        var marker = Marker();
        var user = await NewPerson($"User {marker}");
        var agent = await NewPerson($"Agent {marker}");
        await admin.Client.PatchJson($"/api/users/{agent.Id}/role", new { role = UserRole.Agent });
        var gone = await NewPerson($"Gone {marker}");
        await admin.Client.PostAsync($"/api/users/{gone.Id}/deactivate", null);

        var agents = await (await admin.Client.GetAsync($"/api/users?q={marker}&role=AGENT")).Read<UserPage>();
        var inactive = await (await admin.Client.GetAsync($"/api/users?q={marker}&active=false")).Read<UserPage>();
        var activeUsers = await (await admin.Client.GetAsync($"/api/users?q={marker}&role=USER&active=true")).Read<UserPage>();

        Assert.Equal([agent.Id], agents.Items.Select(u => u.Id));
        Assert.Equal(UserRole.Agent, agents.Items[0].Role);
        Assert.Equal([gone.Id], inactive.Items.Select(u => u.Id));
        Assert.False(inactive.Items[0].Active);
        Assert.Equal([user.Id], activeUsers.Items.Select(u => u.Id));
    }

    [Fact]
    public async Task Q_matches_name_or_email_ignoring_case()
    {
        var admin = await NewAdmin();
        var marker = Marker();
        var byName = await NewPerson($"Name {marker.ToUpperInvariant()}");
        var byEmail = await NewPerson("Someone", $"{marker}@example.com");
        await NewPerson("Unrelated", "unrelated@example.com");

        var page = await (await admin.Client.GetAsync($"/api/users?q={marker}")).Read<UserPage>();

        Assert.Equal([byName.Id, byEmail.Id], page.Items.Select(u => u.Id));
    }

    [Fact]
    public async Task Q_treats_like_wildcards_as_plain_text()
    {
        var admin = await NewAdmin();
        var marker = Marker();
        var percent = await NewPerson($"{marker} 100%");
        await NewPerson($"{marker} 1000");

        var page = await (await admin.Client.GetAsync($"/api/users?q={Uri.EscapeDataString($"{marker} 100%")}")).Read<UserPage>();

        Assert.Equal([percent.Id], page.Items.Select(u => u.Id));
    }

    [Fact]
    public async Task Items_are_full_users()
    {
        var admin = await NewAdmin();
        var marker = Marker();
        var person = await NewPerson($"Full {marker}", $"{marker}@example.com");

        var item = (await (await admin.Client.GetAsync($"/api/users?q={marker}")).Read<UserPage>()).Items.Single();

        Assert.Equal(person.User, item);
    }

    [Theory]
    [InlineData("role=BOSS", "role")]
    [InlineData("active=maybe", "active")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("includeTotal=yes", "includeTotal")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task A_bad_query_value_is_400_naming_it(string query, string field)
    {
        var admin = await NewAdmin();

        var problem = await (await admin.Client.GetAsync($"/api/users?{query}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.NotNull(problem["errors"]?[field]);
    }

    [Fact]
    public async Task A_USER_or_an_AGENT_gets_403()
    {
        var user = await NewUser();
        var agent = await NewAgent();

        await (await user.Client.GetAsync("/api/users")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await agent.Client.GetAsync("/api/users")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteUserListTests(SqliteApi fixture) : UserListTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresUserListTests(PostgresApi fixture) : UserListTests(fixture);
