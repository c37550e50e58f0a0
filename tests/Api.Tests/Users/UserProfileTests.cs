using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Users;

/// <summary><c>GET</c> and <c>PATCH /api/users/me</c>, and what JIT sync may and may not change.</summary>
public abstract class UserProfileTests(ApiFixture fixture) : UsersTestBase(fixture)
{
    [Fact]
    public async Task Me_is_the_caller_as_the_token_first_described_them()
    {
        var subject = $"me-{Guid.NewGuid():N}";

        var me = await (await ClientWith(subject, name: "Ada Lovelace", email: "ada@example.com").GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal(subject, me.Subject);
        Assert.Equal("Ada Lovelace", me.Name);
        Assert.Equal("ada@example.com", me.Email);
        Assert.Equal(UserRole.User, me.Role);
        Assert.True(me.Active);
    }

    [Fact]
    public async Task Name_and_email_follow_the_token_until_the_user_sets_a_name()
    {
        var subject = $"sync-{Guid.NewGuid():N}";
        await ClientWith(subject, name: "First", email: "first@example.com").GetAsync("/api/users/me");

        var synced = await (await ClientWith(subject, name: "Second", email: "second@example.com").GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal("Second", synced.Name);
        Assert.Equal("second@example.com", synced.Email);
    }

    [Fact]
    public async Task A_name_the_user_sets_sticks_while_email_keeps_syncing()
    {
        var subject = $"named-{Guid.NewGuid():N}";
        var client = ClientWith(subject, name: "From Token");

        var renamed = await (await client.PatchJson("/api/users/me", new { name = "  Chosen Name  " })).Read<UserView>();
        var later = await (await ClientWith(subject, name: "Token Again", email: "new@example.com").GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal("Chosen Name", renamed.Name);
        Assert.Equal("Chosen Name", later.Name);
        Assert.Equal("new@example.com", later.Email);
    }

    [Fact]
    public async Task A_name_of_100_characters_is_accepted()
    {
        var user = await NewUser();
        var name = new string('n', 100);

        var renamed = await (await user.Client.PatchJson("/api/users/me", new { name })).Read<UserView>();

        Assert.Equal(name, renamed.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task An_empty_name_is_400_naming_the_field(string? name)
    {
        var user = await NewUser();

        var problem = await (await user.Client.PatchJson("/api/users/me", new { name })).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.NotNull(problem["errors"]?["name"]);
    }

    [Fact]
    public async Task A_name_over_100_characters_is_400_and_changes_nothing()
    {
        var user = await NewPerson("Kept");

        var problem = await (await user.Client.PatchJson("/api/users/me", new { name = new string('n', 101) })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        var me = await (await user.Client.GetAsync("/api/users/me")).Read<UserView>();

        Assert.NotNull(problem["errors"]?["name"]);
        Assert.Equal("Kept", me.Name);
    }

    [Fact]
    public async Task A_later_token_claiming_ADMIN_does_not_promote_an_existing_user()
    {
        var subject = $"climber-{Guid.NewGuid():N}";
        await ClientWith(subject).GetAsync("/api/users/me");
        var claimingAdmin = ClientWith(subject, role: "ADMIN");

        var me = await (await claimingAdmin.GetAsync("/api/users/me")).Read<UserView>();
        var adminList = await claimingAdmin.GetAsync("/api/users");

        Assert.Equal(UserRole.User, me.Role);
        await adminList.Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_token_claiming_ADMIN_on_first_sight_seeds_an_ADMIN()
    {
        var admin = await NewUser("ADMIN");

        Assert.Equal(UserRole.Admin, admin.User.Role);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteUserProfileTests(SqliteApi fixture) : UserProfileTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresUserProfileTests(PostgresApi fixture) : UserProfileTests(fixture);
