using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Users;

/// <summary><c>/api/users/{id}</c> with its role, activate and deactivate: each takes effect on the very next request.</summary>
public abstract class UserAdministrationTests(ApiFixture fixture) : UsersTestBase(fixture)
{
    [Fact]
    public async Task An_ADMIN_gets_the_whole_user()
    {
        var admin = await NewAdmin();
        var person = await NewPerson("Whole Person", "whole@example.com");

        var user = await (await admin.Client.GetAsync($"/api/users/{person.Id}")).Read<UserView>();

        Assert.Equal(person.User, user);
    }

    [Fact]
    public async Task An_AGENT_gets_only_id_name_email_and_role()
    {
        var agent = await NewAgent();
        var person = await NewPerson("Seen By Agent", "seen@example.com");

        var response = await agent.Client.GetAsync($"/api/users/{person.Id}");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["email", "id", "name", "role"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("USER", (string?)body["role"]);
        Assert.Equal("Seen By Agent", (string?)body["name"]);
    }

    [Fact]
    public async Task A_USER_gets_403_for_any_user_by_id()
    {
        var user = await NewUser();
        var other = await NewUser();

        await (await user.Client.GetAsync($"/api/users/{other.Id}")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await user.Client.GetAsync($"/api/users/{user.Id}")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PATCH", "/role")]
    [InlineData("POST", "/activate")]
    [InlineData("POST", "/deactivate")]
    public async Task An_unknown_or_malformed_id_is_404(string method, string suffix)
    {
        var admin = await NewAdmin();

        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-uuid" })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), $"/api/users/{id}{suffix}");
            if (method == "PATCH")
            {
                request.Content = JsonContent("{\"role\":\"AGENT\"}");
            }

            await (await admin.Client.SendAsync(request)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        }
    }

    [Fact]
    public async Task A_role_change_answers_the_user_and_is_effective_on_the_next_request()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        await (await user.Client.GetAsync("/api/users/agents")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");

        var promoted = await (await admin.Client.PatchJson($"/api/users/{user.Id}/role", new { role = UserRole.Agent })).Read<UserView>();
        var asAgent = await user.Client.GetAsync("/api/users/agents");
        var demoted = await (await admin.Client.PatchJson($"/api/users/{user.Id}/role", new { role = UserRole.User })).Read<UserView>();
        var asUserAgain = await user.Client.GetAsync("/api/users/agents");

        Assert.Equal(UserRole.Agent, promoted.Role);
        Assert.Equal(user.Id, promoted.Id);
        Assert.Equal(HttpStatusCode.OK, asAgent.StatusCode);
        Assert.Equal(UserRole.User, demoted.Role);
        await asUserAgain.Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_promotion_to_ADMIN_opens_the_admin_endpoints_at_once()
    {
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);

        await admin.Client.PatchJson($"/api/users/{agent.Id}/role", new { role = UserRole.Admin });
        var list = await agent.Client.GetAsync("/api/users?limit=1");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Theory]
    [InlineData("{\"role\":\"BOSS\"}")]
    [InlineData("{\"role\":2}")]
    [InlineData("{\"role\":null}")]
    [InlineData("{}")]
    public async Task A_missing_or_unknown_role_is_400_naming_the_field(string body)
    {
        var admin = await NewAdmin();
        var user = await NewUser();

        var response = await admin.Client.PatchAsync($"/api/users/{user.Id}/role", JsonContent(body));
        var problem = await response.Problem(HttpStatusCode.BadRequest, "VALIDATION");
        var after = await (await admin.Client.GetAsync($"/api/users/{user.Id}")).Read<UserView>();

        Assert.NotNull(problem["errors"]?["role"]);
        Assert.Equal(UserRole.User, after.Role);
    }

    [Fact]
    public async Task Only_an_ADMIN_changes_roles_and_activation()
    {
        var agent = await NewAgent();
        var user = await NewUser();

        await (await agent.Client.PatchJson($"/api/users/{user.Id}/role", new { role = UserRole.Agent })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await user.Client.PatchJson($"/api/users/{user.Id}/role", new { role = UserRole.Admin })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await agent.Client.PostAsync($"/api/users/{user.Id}/deactivate", null)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await agent.Client.PostAsync($"/api/users/{user.Id}/activate", null)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        var me = await (await user.Client.GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal(UserRole.User, me.Role);
        Assert.True(me.Active);
    }

    [Fact]
    public async Task A_deactivated_AGENT_is_shut_out_on_the_next_request_and_let_back_in_by_reactivation()
    {
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync("/api/users/agents")).StatusCode);

        var deactivated = await (await admin.Client.PostAsync($"/api/users/{agent.Id}/deactivate", null)).Read<UserView>();
        var meWhileOut = await agent.Client.GetAsync("/api/users/me");
        var agentsWhileOut = await agent.Client.GetAsync("/api/users/agents");
        var searchWhileOut = await agent.Client.GetAsync("/api/users/search?q=ab");
        var activated = await (await admin.Client.PostAsync($"/api/users/{agent.Id}/activate", null)).Read<UserView>();
        var meAgain = await agent.Client.GetAsync("/api/users/me");

        Assert.False(deactivated.Active);
        Assert.Equal(UserRole.Agent, deactivated.Role);
        await meWhileOut.Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await agentsWhileOut.Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await searchWhileOut.Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.True(activated.Active);
        Assert.True((await meAgain.Read<UserView>()).Active);
    }

    [Fact]
    public async Task Activation_and_deactivation_are_idempotent_and_never_delete_the_user()
    {
        var admin = await NewAdmin();
        var user = await NewUser();

        await (await admin.Client.PostAsync($"/api/users/{user.Id}/deactivate", null)).Read<UserView>();
        var twice = await (await admin.Client.PostAsync($"/api/users/{user.Id}/deactivate", null)).Read<UserView>();
        var stillThere = await (await admin.Client.GetAsync($"/api/users/{user.Id}")).Read<UserView>();
        await (await admin.Client.PostAsync($"/api/users/{user.Id}/activate", null)).Read<UserView>();
        var activeTwice = await (await admin.Client.PostAsync($"/api/users/{user.Id}/activate", null)).Read<UserView>();

        Assert.False(twice.Active);
        Assert.False(stillThere.Active);
        Assert.Equal(user.Id, stillThere.Id);
        Assert.True(activeTwice.Active);
    }

    [Fact]
    public async Task An_ADMIN_cannot_deactivate_themselves()
    {
        var admin = await NewAdmin();

        var problem = await (await admin.Client.PostAsync($"/api/users/{admin.Id}/deactivate", null)).Problem(HttpStatusCode.Conflict, "CONFLICT");
        var me = await (await admin.Client.GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal(UserReasons.Self, (string?)problem["reason"]);
        Assert.True(me.Active);
    }

    [Fact]
    public async Task An_ADMIN_may_step_down_while_another_active_ADMIN_remains()
    {
        await NewAdmin();
        var admin = await NewAdmin();

        var demoted = await (await admin.Client.PatchJson($"/api/users/{admin.Id}/role", new { role = UserRole.Agent })).Read<UserView>();
        var adminList = await admin.Client.GetAsync("/api/users");

        Assert.Equal(UserRole.Agent, demoted.Role);
        await adminList.Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteUserAdministrationTests(SqliteApi fixture) : UserAdministrationTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresUserAdministrationTests(PostgresApi fixture) : UserAdministrationTests(fixture);
