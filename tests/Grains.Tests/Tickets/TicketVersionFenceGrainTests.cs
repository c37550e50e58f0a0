using TicketPlatform.Events;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Tickets;

public abstract class TicketVersionFenceGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task AStaleGrainReloadsInsteadOfOverwritingANewerRow()
    {
        var requester = await NewUserAsync();
        var opened = await OpenAsync(requester);
        Assert.Equal(1, await ExecuteAsync(
            "UPDATE tickets SET version = version + 1, public_version = public_version + 1, title = 'x' WHERE number = @number", new { number = opened.Number }));

        var changed = Expect.Ok(await Ticket(opened.Number).ChangePriority(requester, new ChangePriority(TicketPriority.Urgent)));

        Assert.Equal(("x", TicketPriority.Urgent, 3), (changed.Title, changed.Priority, changed.Version));
        Assert.Equal("x", await ScalarAsync<string>("SELECT title FROM tickets WHERE number = @number", new { number = opened.Number }));
        Assert.Equal(new StoredTicket(3, 2, 2, 2), await StoredAsync(opened.Number));
        var events = await EventsAsync(opened.Number, requester);
        Assert.Equal([(1L, TicketEventType.TicketCreated), (2L, TicketEventType.PriorityChanged)], events.Select(e => (e.Seq, e.Type)));
        Expect.SameTicket(changed, Expect.Ok(await Ticket(opened.Number).Get(requester)));
    }

    [Fact]
    public async Task AfterAnotherWritersCommitTheNextEventContinuesItsSequence()
    {
        var requester = await NewUserAsync();
        var opened = await OpenAsync(requester);
        await ExecuteAsync(
            """
            INSERT INTO events (ticket_number, seq, type, actor_id, visibility, subject_id, payload, created_at)
            SELECT ticket_number, 2, 'TICKET_UPDATED', actor_id, 'PUBLIC', NULL, '{}', created_at FROM events WHERE ticket_number = @number AND seq = 1
            """,
            new { number = opened.Number });
        await ExecuteAsync(
            "UPDATE tickets SET version = version + 1, public_version = public_version + 1, last_seq = 2, title = 'Renamed elsewhere' WHERE number = @number", new { number = opened.Number });

        var changed = Expect.Ok(await Ticket(opened.Number).ChangeStatus(requester, new ChangeStatus(TicketStatus.Closed, null)));

        Assert.Equal(("Renamed elsewhere", TicketStatus.Closed, 3), (changed.Title, changed.Status, changed.Version));
        Assert.Equal(new StoredTicket(3, 3, 3, 3), await StoredAsync(opened.Number));
        Assert.Equal([1L, 2, 3], (await EventsAsync(opened.Number, requester)).Select(e => e.Seq));
    }

    [Fact]
    public async Task ACommandMadeMootByTheNewerRowWritesNothing()
    {
        var requester = await NewUserAsync();
        var opened = await OpenAsync(requester);
        await ExecuteAsync("UPDATE tickets SET version = version + 1, public_version = public_version + 1, priority = @priority WHERE number = @number",
            new { number = opened.Number, priority = (short)TicketPriority.High });

        var result = Expect.Ok(await Ticket(opened.Number).ChangePriority(requester, new ChangePriority(TicketPriority.High)));

        Assert.Equal((TicketPriority.High, 2), (result.Priority, result.Version));
        Assert.Equal(new StoredTicket(2, 1, 1, 1), await StoredAsync(opened.Number));
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class TicketVersionFenceGrainTestsOnSqlite(SqliteCluster fixture) : TicketVersionFenceGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class TicketVersionFenceGrainTestsOnPostgres(PostgresCluster fixture) : TicketVersionFenceGrainTests(fixture);
