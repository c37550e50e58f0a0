using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Users;

/// <summary>
/// The service never loses its last active ADMIN, also when two ADMINs demote or deactivate each other at the same
/// moment. Each test runs its own Api over its own database: the shared one holds many ADMINs of other tests.
/// </summary>
public abstract class LastAdminTests(ApiFixture fixture) : UsersTestBase(fixture)
{
    private const int Rounds = 24;

    [Fact]
    public async Task The_last_active_ADMIN_cannot_step_down_and_an_inactive_ADMIN_does_not_count()
    {
        var api = await ApiFactory.StartAsync(Provider);
        try
        {
            var first = await NewUser(api, "ADMIN");
            var lastStand = await first.Client.PatchJson($"/api/users/{first.Id}/role", new { role = UserRole.User });
            var second = await NewUser(api, "ADMIN");
            await (await first.Client.PostAsync($"/api/users/{second.Id}/deactivate", null)).Read<UserView>();
            var besideAnInactiveAdmin = await first.Client.PatchJson($"/api/users/{first.Id}/role", new { role = UserRole.Agent });
            await (await first.Client.PostAsync($"/api/users/{second.Id}/activate", null)).Read<UserView>();
            var stepsDown = await first.Client.PatchJson($"/api/users/{first.Id}/role", new { role = UserRole.Agent });
            var secondStepsDown = await second.Client.PatchJson($"/api/users/{second.Id}/role", new { role = UserRole.User });

            Assert.Equal(UserReasons.LastAdmin, (string?)(await lastStand.Problem(HttpStatusCode.Conflict, "CONFLICT"))["reason"]);
            Assert.Equal(UserReasons.LastAdmin, (string?)(await besideAnInactiveAdmin.Problem(HttpStatusCode.Conflict, "CONFLICT"))["reason"]);
            Assert.Equal(UserRole.Agent, (await stepsDown.Read<UserView>()).Role);
            Assert.Equal(UserReasons.LastAdmin, (string?)(await secondStepsDown.Problem(HttpStatusCode.Conflict, "CONFLICT"))["reason"]);
            Assert.Equal(1, await ActiveAdmins(second));
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task Two_ADMINs_demoting_or_deactivating_each_other_at_once_leave_exactly_one_active_ADMIN()
    {
        var api = await ApiFactory.StartAsync(Provider);
        try
        {
            var survivor = await NewUser(api, "ADMIN");
            for (var round = 0; round < Rounds; round++)
            {
                var challenger = await NewUser(api, "ADMIN");
                var (one, other) = round % 2 == 0 ? (survivor, challenger) : (challenger, survivor);
                var path = round % 4 < 2 ? "role" : "deactivate";

                var responses = await Task.WhenAll(TakeAway(one, other, path), TakeAway(other, one, path));

                var won = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
                Assert.True(won == 1, $"Round {round} ({path}): {string.Join(", ", responses.Select(r => (int)r.StatusCode))}");
                var lost = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
                Assert.Contains(lost.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.Forbidden });
                survivor = responses[0].StatusCode == HttpStatusCode.OK ? one : other;
                Assert.Equal(1, await ActiveAdmins(survivor));
            }
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }

    private static Task<HttpResponseMessage> TakeAway(TestUser actor, TestUser target, string path) => path == "role"
        ? actor.Client.PatchJson($"/api/users/{target.Id}/role", new { role = UserRole.User })
        : actor.Client.PostAsync($"/api/users/{target.Id}/deactivate", null);

    private static async Task<long?> ActiveAdmins(TestUser admin) =>
        (await (await admin.Client.GetAsync("/api/users?role=ADMIN&active=true&includeTotal=true")).Read<UserPage>()).Total;
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteLastAdminTests(SqliteApi fixture) : LastAdminTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresLastAdminTests(PostgresApi fixture) : LastAdminTests(fixture);
