using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Realtime;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Auth;

/// <summary>
/// The caller's local identity is served from the node's memory, and a change of role or activation still applies to
/// the very next request (no waiting): the user's grain answers the ADMIN only after the node forgot the identity.
/// </summary>
public abstract class IdentityCacheTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_repeated_caller_is_served_from_the_cache_with_what_the_grain_said()
    {
        var subject = $"cached-{Guid.NewGuid():N}";
        var user = await NewUser(subject: subject);

        var cache = Api.Services.GetRequiredService<LocalIdentityCache>();
        var token = new TokenIdentity(subject, null, null, null);
        await UntilCached(user, cache, token, "the identity cached once the node is subscribed to user-access changes");

        Assert.True(cache.TryGet(subject, token, out var cached));
        Assert.Equal((user.Id, UserRole.User, true), (cached.User.Id, cached.User.Role, cached.User.Active));

        // One identity for all of the caller's requests while cached: none of them can change it for the others.
        Assert.True(cache.TryGet(subject, token, out var again));
        Assert.Same(cached, again);
        Assert.Throws<NotSupportedException>(() => cached.AddClaim(new System.Security.Claims.Claim(LocalClaims.Role, "ADMIN")));
        Assert.False(cache.TryGet(subject, token with { Name = "Renamed in the token" }, out _));
    }

    [Fact]
    public async Task A_demotion_applies_to_the_next_request_of_a_cached_caller()
    {
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);
        await Warm(agent);

        (await admin.Client.PatchJson($"/api/users/{agent.Id}/role", new { role = UserRole.User })).EnsureSuccessStatusCode();

        await (await agent.Client.GetAsync("/api/tickets/unassigned")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(UserRole.User, (await (await agent.Client.GetAsync("/api/users/me")).Read<UserView>()).Role);
    }

    [Fact]
    public async Task A_promotion_applies_to_the_next_request_of_a_cached_caller()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        for (var i = 0; i < 3; i++)
        {
            await (await user.Client.GetAsync("/api/tickets/unassigned")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        (await admin.Client.PatchJson($"/api/users/{user.Id}/role", new { role = UserRole.Agent })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/tickets/unassigned")).StatusCode);
    }

    [Fact]
    public async Task A_deactivation_applies_to_the_next_request_and_a_reactivation_too()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        await Warm(user);

        (await admin.Client.PostAsync($"/api/users/{user.Id}/deactivate", null)).EnsureSuccessStatusCode();

        var refused = await (await user.Client.GetAsync("/api/tickets")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains("deactivated", (string?)refused["detail"], StringComparison.Ordinal);

        (await admin.Client.PostAsync($"/api/users/{user.Id}/activate", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/tickets")).StatusCode);
    }

    [Fact]
    public async Task When_the_feed_closes_the_node_forgets_every_cached_identity_and_subscribes_to_its_next_activation()
    {
        var subject = $"feed-closing-{Guid.NewGuid():N}";
        var user = await NewUser(subject: subject);
        var cache = Api.Services.GetRequiredService<LocalIdentityCache>();
        var token = new TokenIdentity(subject, null, null, null);
        await UntilCached(user, cache, token, "the identity cached");
        var before = (cache.FeedActivation, cache.Epoch);

        await Api.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserAccessFeedGrain>(0)
            .Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        await TestSupport.Eventually.True(() => Task.FromResult(cache.FeedActivation != before.FeedActivation), "subscribed to the next activation");
        Assert.True(cache.Epoch > before.Epoch, "the cached identities were forgotten");
        await UntilCached(user, cache, token, "the identity cached again");
    }

    private static Task UntilCached(TestUser user, LocalIdentityCache cache, TokenIdentity token, string awaited) =>
        TestSupport.Eventually.True(
            async () =>
            {
                (await user.Client.GetAsync("/api/users/me")).EnsureSuccessStatusCode();
                return cache.TryGet(token.Subject, token, out _);
            },
            awaited);

    private static async Task Warm(TestUser user)
    {
        for (var i = 0; i < 3; i++)
        {
            (await user.Client.GetAsync("/api/tickets")).EnsureSuccessStatusCode();
        }
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteIdentityCacheTests(SqliteApi fixture) : IdentityCacheTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresIdentityCacheTests(PostgresApi fixture) : IdentityCacheTests(fixture);
