using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Users;

/// <summary>What a user grain holds in memory is what was committed: a restart changes nothing.</summary>
public abstract class UserRestartTests(ApiFixture fixture) : UsersTestBase(fixture)
{
    [Fact]
    public async Task Role_activation_and_chosen_name_survive_a_restart()
    {
        var api = await ApiFactory.StartAsync(Provider);
        try
        {
            var admin = await NewUser(api, "ADMIN");
            var agent = await NewUser(api, subject: "restart-agent");
            var gone = await NewUser(api, subject: "restart-gone");
            await (await admin.Client.PatchJson($"/api/users/{agent.Id}/role", new { role = UserRole.Agent })).Read<UserView>();
            await (await agent.Client.PatchJson("/api/users/me", new { name = "Chosen" })).Read<UserView>();
            await (await admin.Client.PostAsync($"/api/users/{gone.Id}/deactivate", null)).Read<UserView>();

            api = await api.Restart();
            var agentAfter = await (await api.ClientFor("restart-agent", name: "From Token").GetAsync("/api/users/me")).Read<UserView>();
            var goneAfter = await api.ClientFor("restart-gone").GetAsync("/api/users/me");

            Assert.Equal(UserRole.Agent, agentAfter.Role);
            Assert.Equal("Chosen", agentAfter.Name);
            await goneAfter.Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteUserRestartTests(SqliteApi fixture) : UserRestartTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresUserRestartTests(PostgresApi fixture) : UserRestartTests(fixture);
