using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Users;
using Xunit;

namespace TicketPlatform.Grains.Tests.Users;

public abstract class UserGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task RepeatedSyncsKeepOneUser()
    {
        var subject = NewSubject();
        var identity = new TokenIdentity(subject, "ann@example.test", "Ann", null);

        var first = await Grains.GetGrain<IUserGrain>(subject).SyncFromToken(identity);
        var again = await Fixture.Silo(1).GetGrain<IUserGrain>(subject).SyncFromToken(identity);

        Assert.Equal(first, again);
        Assert.Equal((subject, "ann@example.test", "Ann", UserRole.User, true), (first.Subject, first.Email, first.Name, first.Role, first.Active));
        Assert.Equal(1L, await CountAsync(subject));
    }

    [Fact]
    public async Task ConcurrentSyncsFromBothSilosCreateOneRow()
    {
        var subject = NewSubject();
        var factories = new[] { Fixture.Silo(0), Fixture.Silo(1), Grains };

        var views = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            factories[i % factories.Length].GetGrain<IUserGrain>(subject).SyncFromToken(new TokenIdentity(subject, "bo@example.test", "Bo", null))));

        Assert.Single(views.Select(v => v.Id).Distinct());
        Assert.Equal(1L, await CountAsync(subject));
    }

    [Theory]
    [InlineData("ADMIN", UserRole.Admin)]
    [InlineData("AGENT", UserRole.User)]
    [InlineData("USER", UserRole.User)]
    [InlineData(null, UserRole.User)]
    public async Task TheFirstRoleIsSeededFromTheClaim(string? claimedRole, UserRole expected)
    {
        var subject = NewSubject();

        var user = await Grains.GetGrain<IUserGrain>(subject).SyncFromToken(new TokenIdentity(subject, null, null, claimedRole));

        Assert.Equal(expected, user.Role);
        Assert.Equal(expected.ToString().ToUpperInvariant(), await RoleInDatabaseAsync(subject));
    }

    [Fact]
    public async Task ABootstrapSubjectIsSeededAdmin()
    {
        var subject = Fixture.BootstrapAdminSubject;

        var user = await Fixture.Silo(1).GetGrain<IUserGrain>(subject).SyncFromToken(new TokenIdentity(subject, "root@example.test", "Root", null));

        Assert.Equal(UserRole.Admin, user.Role);
        Assert.Equal("ADMIN", await RoleInDatabaseAsync(subject));
    }

    [Fact]
    public async Task ALaterAdminClaimChangesNothing()
    {
        var subject = NewSubject();
        var grain = Grains.GetGrain<IUserGrain>(subject);
        var created = await grain.SyncFromToken(new TokenIdentity(subject, "eve@example.test", "Eve", "USER"));

        var claimed = await grain.SyncFromToken(new TokenIdentity(subject, "eve@example.test", "Eve", "ADMIN"));
        await Fixture.Cluster.DeactivateAsync(grain);
        var reloaded = await grain.SyncFromToken(new TokenIdentity(subject, "eve@example.test", "Eve", "ADMIN"));

        Assert.Equal(UserRole.User, claimed.Role);
        Assert.Equal(created, reloaded);
        Assert.Equal("USER", await RoleInDatabaseAsync(subject));
    }

    [Fact]
    public async Task EmailAndNameFollowTheToken()
    {
        var subject = NewSubject();
        var grain = Grains.GetGrain<IUserGrain>(subject);
        var created = await grain.SyncFromToken(new TokenIdentity(subject, "old@example.test", "Old Name", null));

        var synced = await grain.SyncFromToken(new TokenIdentity(subject, "new@example.test", "New Name", null));
        await Fixture.Cluster.DeactivateAsync(grain);
        var reloaded = await Fixture.Silo(1).GetGrain<IUserGrain>(subject).Get();

        Assert.Equal(created with { Email = "new@example.test", Name = "New Name" }, synced);
        Assert.Equal(synced, reloaded);
        Assert.Equal("new@example.test", await ScalarAsync<string>("SELECT email FROM users WHERE subject = @subject", new { subject }));
    }

    [Fact]
    public async Task AnUnknownSubjectHasNoUser()
    {
        Assert.Null(await Grains.GetGrain<IUserGrain>(NewSubject()).Get());
    }

    private Task<long> CountAsync(string subject) =>
        ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE subject = @subject", new { subject });

    private Task<string> RoleInDatabaseAsync(string subject) =>
        ScalarAsync<string>("SELECT role FROM users WHERE subject = @subject", new { subject });
}

[Collection(SqliteCluster.Collection)]
public sealed class UserGrainTestsOnSqlite(SqliteCluster fixture) : UserGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class UserGrainTestsOnPostgres(PostgresCluster fixture) : UserGrainTests(fixture);
