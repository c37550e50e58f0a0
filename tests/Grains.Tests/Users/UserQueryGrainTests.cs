using TicketPlatform.Common;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Users;
using Xunit;

namespace TicketPlatform.Grains.Tests.Users;

/// <summary>The user query grain checks the actor itself, whatever the edge let through.</summary>
public abstract class UserQueryGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    private IUserQueryGrain Queries => Grains.GetGrain<IUserQueryGrain>(0);

    [Fact]
    public async Task A_user_may_neither_read_a_user_nor_list_users()
    {
        var user = await NewUserAsync();

        Expect.Error(await Queries.Find(user, user.UserId), ErrorCodes.Forbidden);
        Expect.Error(await Queries.List(user, new UserListQuery()), ErrorCodes.Forbidden);
        Expect.Error(await Queries.List(user, new UserListQuery(Active: true, StaffOnly: true)), ErrorCodes.Forbidden);
        Expect.Error(await Queries.List(user, new UserListQuery(Active: false, Text: "name")), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task A_user_may_search_active_users_by_text()
    {
        var user = await NewUserAsync();

        var found = Expect.Ok(await Queries.List(user, new UserListQuery(Active: true, Text: "Name")));

        Assert.NotEmpty(found.Items);
    }

    [Fact]
    public async Task An_agent_reads_a_user_and_the_active_staff_but_not_every_user()
    {
        var admin = await NewStaffAsync();
        var agent = await NewUserAsync();
        var subject = await SubjectOf(agent.UserId);
        agent = agent with { Role = Expect.Ok(await Grains.GetGrain<IUserGrain>(subject).ChangeRole(admin, new ChangeUserRole(UserRole.Agent))).Role };

        Assert.Equal(admin.UserId, Expect.Ok(await Queries.Find(agent, admin.UserId)).Id);
        Expect.Ok(await Queries.List(agent, new UserListQuery(Active: true, StaffOnly: true)));
        Expect.Error(await Queries.List(agent, new UserListQuery()), ErrorCodes.Forbidden);
        Expect.Error(await Queries.List(agent, new UserListQuery(Role: UserRole.User, Active: true, Text: "Name")), ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task An_admin_lists_every_user()
    {
        var admin = await NewStaffAsync();

        var page = Expect.Ok(await Queries.List(admin, new UserListQuery(Active: false, IncludeTotal: true)));

        Assert.NotNull(page.Total);
    }

    private Task<string> SubjectOf(Guid id) => ScalarAsync<string>("SELECT subject FROM users WHERE id = @id", new { id });
}

[Collection(SqliteCluster.Collection)]
public sealed class UserQueryGrainTestsOnSqlite(SqliteCluster fixture) : UserQueryGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class UserQueryGrainTestsOnPostgres(PostgresCluster fixture) : UserQueryGrainTests(fixture);
