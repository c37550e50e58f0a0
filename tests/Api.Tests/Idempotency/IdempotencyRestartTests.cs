using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Idempotency;

/// <summary>Each test starts its own Api, then a new one on the same database: what was answered lives in the database.</summary>
public abstract class IdempotencyRestartTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_key_is_replayed_after_a_restart()
    {
        var api = await ApiFactory.StartAsync(provider);
        try
        {
            var key = IdempotentPosts.NewKey();
            var body = new { title = "Before the restart", description = "x" };
            var first = await (await api.ClientFor("idempotent-user").PostWithKey("/api/tickets", body, key)).Read<TicketView>(HttpStatusCode.Created);

            api = await api.Restart();

            var client = api.ClientFor("idempotent-user");
            var again = await client.PostWithKey("/api/tickets", body, key);
            Assert.True(again.IsReplay());
            Assert.Equal(first.Number, (await again.Read<TicketView>(HttpStatusCode.Created)).Number);
            await (await client.PostWithKey("/api/tickets", body with { title = "Another" }, key)).Problem(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");
            Assert.Equal(1, await api.Database.CountRows("tickets", "requester_id", first.RequesterId));
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task A_key_past_its_retention_is_purged_and_free_again()
    {
        var settings = new Dictionary<string, string?>
        {
            ["TicketPlatform:Idempotency:Retention"] = "00:00:00.001",
            ["TicketPlatform:Idempotency:PurgeInterval"] = "00:00:00.200",
        };
        var api = await ApiFactory.StartAsync(provider, settings);
        try
        {
            var key = IdempotentPosts.NewKey();
            var client = api.ClientFor("forgetful-user");
            await (await client.PostWithKey("/api/tickets", new { title = "Old", description = "x" }, key)).Read<TicketView>(HttpStatusCode.Created);

            await Eventually.Until(() => api.Database.CountRows("idempotency_keys", "idempotency_key", key), rows => rows == 0, "the purge of the expired key");

            var again = await client.PostWithKey("/api/tickets", new { title = "New", description = "x" }, key);
            await again.Read<TicketView>(HttpStatusCode.Created);
            Assert.False(again.IsReplay());
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }
}

public sealed class SqliteIdempotencyRestartTests() : IdempotencyRestartTests(DatabaseProvider.Sqlite);

public sealed class PostgresIdempotencyRestartTests() : IdempotencyRestartTests(DatabaseProvider.Postgres);
