using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;

namespace TicketPlatform.Api.Tests.Tickets;

public abstract class LockRaceTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_change_racing_its_lock_either_precedes_the_lock_in_the_log_or_is_refused()
    {
        var requester = await NewUser();
        var admin = await NewAdmin();
        var tickets = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            tickets.Add((await CreateTicket(requester)).Number);
        }

        var outcomes = await Task.WhenAll(tickets.Select(async number =>
        {
            var lockTask = admin.Client.PatchJson($"/api/tickets/{number}/locks", new { priorityLocked = true });
            var changeTask = requester.Client.PatchJson($"/api/tickets/{number}/priority", new { priority = "URGENT" });
            return (Number: number, Lock: await lockTask, Change: await changeTask);
        }));

        foreach (var (number, lockResponse, change) in outcomes)
        {
            Assert.Equal(HttpStatusCode.OK, lockResponse.StatusCode);
            var events = await Events(admin, number);
            var locked = events.Single(e => e.Type == TicketEventType.PriorityLocked).Seq;
            var changed = events.Where(e => e.Type == TicketEventType.PriorityChanged).Select(e => e.Seq).ToList();
            if (change.StatusCode == HttpStatusCode.OK)
            {
                Assert.True(Assert.Single(changed) < locked, $"{number}: the change must be logged before the lock");
            }
            else
            {
                await change.Problem(HttpStatusCode.Conflict, "LOCKED");
                Assert.Empty(changed);
            }

            Assert.Equal(Enumerable.Range(1, events.Length).Select(i => (long)i), events.Select(e => e.Seq));
        }
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteLockRaceTests(SqliteApi fixture) : LockRaceTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresLockRaceTests(PostgresApi fixture) : LockRaceTests(fixture);
