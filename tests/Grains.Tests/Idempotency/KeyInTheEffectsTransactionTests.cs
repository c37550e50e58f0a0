using TicketPlatform.Categories;
using TicketPlatform.Common;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Idempotency;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Idempotency;

/// <summary>
/// The key travels in the request context and is written by the transaction of the effect: with it, or not at all. A
/// key already held by another request (its lease lost, say, when a silo died) rolls the effect back.
/// </summary>
public abstract class KeyInTheEffectsTransactionTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task A_ticket_command_commits_its_key_with_its_events()
    {
        var requester = await NewUserAsync();
        var ticket = await OpenAsync(requester);
        var claim = new IdempotencyClaim(requester.UserId, NewSubject("key"), "fingerprint-1");

        using (claim.Use())
        {
            Expect.Ok(await Ticket(ticket.Number).ChangePriority(requester, new ChangePriority(TicketPriority.High)));
        }

        Assert.Equal("fingerprint-1", await KeyFingerprint(claim));
        Assert.Equal(2, (await StoredAsync(ticket.Number)).EventCount);
    }

    [Fact]
    public async Task A_ticket_command_whose_key_another_request_holds_changes_nothing()
    {
        var requester = await NewUserAsync();
        var ticket = await OpenAsync(requester);
        var claim = new IdempotencyClaim(requester.UserId, NewSubject("key"), "fingerprint-2");
        await HeldByAnotherRequest(claim);
        var before = await StoredAsync(ticket.Number);

        using (claim.Use())
        {
            Expect.Error(await Ticket(ticket.Number).ChangePriority(requester, new ChangePriority(TicketPriority.Low)), ErrorCodes.Conflict);
        }

        Assert.Equal(before, await StoredAsync(ticket.Number));
        Assert.Equal("another", await KeyFingerprint(claim));
    }

    [Fact]
    public async Task Another_stores_effect_whose_key_another_request_holds_is_rolled_back()
    {
        var admin = await NewStaffAsync();
        var claim = new IdempotencyClaim(admin.UserId, NewSubject("key"), "fingerprint-3");
        await HeldByAnotherRequest(claim);
        var name = NewSubject("category");

        using (claim.Use())
        {
            await Assert.ThrowsAsync<IdempotencyKeyTakenException>(() => Grains.GetGrain<ICategoryCatalogGrain>(0).Create(admin, new CreateCategory(name, null)));
        }

        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM categories WHERE name = @name", new { name }));
    }

    [Fact]
    public async Task Another_stores_effect_commits_its_key_with_it()
    {
        var admin = await NewStaffAsync();
        var claim = new IdempotencyClaim(admin.UserId, NewSubject("key"), "fingerprint-4");
        var name = NewSubject("category");

        using (claim.Use())
        {
            Expect.Ok(await Grains.GetGrain<ICategoryCatalogGrain>(0).Create(admin, new CreateCategory(name, null)));
        }

        Assert.Equal("fingerprint-4", await KeyFingerprint(claim));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM categories WHERE name = @name", new { name }));
    }

    private Task HeldByAnotherRequest(IdempotencyClaim claim) => ExecuteAsync(
        "INSERT INTO idempotency_keys (caller_id, idempotency_key, fingerprint, created_at) VALUES (@Caller, @Key, 'another', @now)",
        new { claim.Caller, claim.Key, now = DateTimeOffset.UtcNow });

    private Task<string?> KeyFingerprint(IdempotencyClaim claim) => ScalarAsync<string?>(
        "SELECT fingerprint FROM idempotency_keys WHERE caller_id = @Caller AND idempotency_key = @Key", new { claim.Caller, claim.Key });
}

[Collection(SqliteCluster.Collection)]
public sealed class KeyInTheEffectsTransactionTestsOnSqlite(SqliteCluster fixture) : KeyInTheEffectsTransactionTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class KeyInTheEffectsTransactionTestsOnPostgres(PostgresCluster fixture) : KeyInTheEffectsTransactionTests(fixture);
