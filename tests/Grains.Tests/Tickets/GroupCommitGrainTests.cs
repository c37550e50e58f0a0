using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Messages;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Tickets;

/// <summary>
/// Group commit: commands queued on one ticket while a commit is in flight are decided in order on memory and committed
/// together. The tests hold the ticket's commits (a lock on its row in PostgreSQL, the writer in SQLite) so that a batch
/// forms behind the first command, then let go.
/// </summary>
public abstract class GroupCommitGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task ThirtyTwoConcurrentWritersOnOneTicketLeaveAGaplessSequence()
    {
        var requester = await NewUserAsync();
        var number = (await OpenAsync(requester)).Number;
        var messages = Grains.GetGrain<ITicketMessagesGrain>(number);

        var posted = await Task.WhenAll(Enumerable.Range(0, 32).Select(async writer =>
        {
            var mine = new List<MessageView>();
            for (var i = 0; i < 4; i++)
            {
                mine.Add(Expect.Ok(await messages.PostMessage(requester, new PostMessage($"writer {writer} message {i}", MessageVisibility.Public))));
            }

            return mine;
        }));

        Assert.Equal(128, posted.SelectMany(m => m).Select(m => m.Id).Distinct().Count());
        var events = await AllEventsAsync(number, requester);
        Assert.Equal(Enumerable.Range(1, 129).Select(i => (long)i), events);
        Assert.Equal(
            Enumerable.Range(2, 128).Select(i => (long)i),
            await QueryAsync<long>("SELECT seq FROM messages WHERE ticket_number = @number ORDER BY seq", new { number }));
        var current = Expect.Ok(await Ticket(number).Get(requester));
        Assert.Equal(new StoredTicket(current.Version, 129, 129, 129), await StoredAsync(number));
    }

    [Fact]
    public async Task ARefusedCommandInABatchLeavesTheOthersCommitted()
    {
        var requester = await NewUserAsync();
        var number = (await OpenAsync(requester)).Number;
        var messages = Grains.GetGrain<ITicketMessagesGrain>(number);

        List<Task<Result<MessageView>>> sent;
        await using (await HoldCommitsAsync(number))
        {
            var first = messages.PostMessage(requester, new PostMessage("first, alone", MessageVisibility.Public));
            await Ticket(number).Get(requester);
            sent =
            [
                first,
                .. Enumerable.Range(0, 9).Select(i => messages.PostMessage(
                    requester, new PostMessage($"queued {i}", i % 3 == 1 ? MessageVisibility.Internal : MessageVisibility.Public))),
            ];
            await Ticket(number).Get(requester);
        }

        var results = await Task.WhenAll(sent);
        var refused = results.Where(r => !r.IsSuccess).ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(refused, r => Assert.Equal(ErrorCodes.Forbidden, r.Error!.Code));
        var committed = results.Where(r => r.IsSuccess).Select(r => r.Value!.Content).ToList();
        Assert.Equal(7, committed.Count);
        Assert.Equal(
            committed.Order(StringComparer.Ordinal),
            (await QueryAsync<string>("SELECT content FROM messages WHERE ticket_number = @number", new { number })).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), await AllEventsAsync(number, requester));
    }

    [Fact]
    public async Task AFailedCommitFailsEveryCommandInItAndLeavesMemoryUntouched()
    {
        var requester = await NewUserAsync();
        var opened = await OpenAsync(requester);
        var number = opened.Number;
        var messages = Grains.GetGrain<ITicketMessagesGrain>(number);
        var poison = $"poison {Guid.NewGuid():N}";
        await using var _ = await RefuseContentAsync(poison);
        List<Task<Result<MessageView>>> sent;
        await using (await HoldCommitsAsync(number))
        {
            var first = messages.PostMessage(requester, new PostMessage("first, alone", MessageVisibility.Public));
            await Ticket(number).Get(requester);
            sent =
            [
                messages.PostMessage(requester, new PostMessage("before the poison", MessageVisibility.Public)),
                messages.PostMessage(requester, new PostMessage(poison, MessageVisibility.Public)),
                messages.PostMessage(requester, new PostMessage("after the poison", MessageVisibility.Public)),
            ];
            await Ticket(number).Get(requester);
            sent.Insert(0, first);
        }

        Expect.Ok(await sent[0]);
        var afterFirst = Expect.Ok(await Ticket(number).Get(requester));
        Assert.Equal(2, afterFirst.Version);
        foreach (var failed in sent.Skip(1))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => failed);
        }

        Expect.SameTicket(afterFirst, Expect.Ok(await Ticket(number).Get(requester)));
        Assert.Equal(["first, alone"], await QueryAsync<string>("SELECT content FROM messages WHERE ticket_number = @number", new { number }));
        var next = Expect.Ok(await Ticket(number).ChangePriority(requester, new ChangePriority(TicketPriority.High)));
        Assert.Equal(3, next.Version);
        Assert.Equal([1L, 2, 3], await AllEventsAsync(number, requester));
    }

    [Fact]
    public async Task AfterACommitThatFailedTheTicketIsReadFromTheDatabaseNotFromMemory()
    {
        var requester = await NewUserAsync();
        var number = (await OpenAsync(requester)).Number;
        var poison = $"poison {Guid.NewGuid():N}";
        await using (await RefuseContentAsync(poison))
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                Grains.GetGrain<ITicketMessagesGrain>(number).PostMessage(requester, new PostMessage(poison, MessageVisibility.Public)));
        }

        // A commit whose answer was lost may still have committed: what the database holds wins over what the grain remembers.
        await ExecuteAsync("UPDATE tickets SET title = 'Written by the commit whose answer was lost' WHERE number = @number", new { number });
        Assert.Equal("Written by the commit whose answer was lost", Expect.Ok(await Ticket(number).Get(requester)).Title);
    }

    [Fact]
    public async Task KillingTheSiloOfATicketInTheMiddleOfABatchLosesNothingAcknowledged()
    {
        var requester = await NewUserAsync();
        var number = (await OpenAsync(requester)).Number;
        var messages = Grains.GetGrain<ITicketMessagesGrain>(number);
        try
        {
            List<Task<Result<MessageView>>> sent;
            await using (await HoldCommitsAsync(number))
            {
                sent = [.. Enumerable.Range(0, 12).Select(i => messages.PostMessage(requester, new PostMessage($"in flight {i}", MessageVisibility.Public)))];
                await Ticket(number).Get(requester);
                Assert.True(Fixture.Cluster.TryGetGrainContext(Ticket(number).GetGrainId(), out var context));
                await Fixture.Cluster.KillSiloAsync(Fixture.Cluster.Silos.Single(silo => silo.SiloAddress.Equals(context.Address.SiloAddress)));
            }

            var acknowledged = new List<string>();
            foreach (var call in sent)
            {
                try
                {
                    if ((await call).Value is { } message)
                    {
                        acknowledged.Add(message.Content!);
                    }
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    // Unknown outcome: the silo died before answering.
                }
            }

            var stored = await QueryAsync<string>("SELECT content FROM messages WHERE ticket_number = @number", new { number });
            Assert.Empty(acknowledged.Except(stored));
            var after = await Eventually.Until(
                async () =>
                {
                    try
                    {
                        return await Ticket(number).ChangePriority(requester, new ChangePriority(TicketPriority.Urgent));
                    }
                    catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                    {
                        return DomainError.Conflict(e.Message);
                    }
                },
                result => result.IsSuccess,
                "the ticket writable again on the surviving silo");
            var events = await AllEventsAsync(number, requester);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events);
            Assert.Equal(new StoredTicket(after.Value!.Version, events.Count, events.Count, events.Count), await StoredAsync(number));
        }
        finally
        {
            await Fixture.RestartAsync();
        }
    }

    private async Task<List<long>> AllEventsAsync(string number, Actor viewer)
    {
        var seqs = new List<long>();
        string? cursor = null;
        do
        {
            var page = Expect.Ok(await Ticket(number).GetEvents(viewer, new TicketEventQuery(0, Limit: 100, Cursor: cursor)));
            seqs.AddRange(page.Items.Select(e => e.Seq));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return seqs;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var connection = await Fixture.OpenConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    /// <summary>A trigger, until disposed, that fails every insert of a message with this content: a commit that cannot succeed.</summary>
    private async Task<IAsyncDisposable> RefuseContentAsync(string content)
    {
        // A name of its own: a trigger left behind by another test must not make this one fail to start.
        var name = $"refuse_{Guid.NewGuid():N}";
        await ExecuteAsync(Fixture.Provider == DatabaseProvider.Sqlite
            ? $"CREATE TRIGGER {name} BEFORE INSERT ON messages WHEN NEW.content = '{content}' BEGIN SELECT RAISE(ABORT, 'poison'); END"
            : $"""
               CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poison'; END $$;
               CREATE TRIGGER {name} BEFORE INSERT ON messages FOR EACH ROW WHEN (NEW.content = '{content}') EXECUTE FUNCTION {name}();
               """);
        return new Hold(async () => await ExecuteAsync(Fixture.Provider == DatabaseProvider.Sqlite
            ? $"DROP TRIGGER {name}"
            : $"DROP TRIGGER {name} ON messages; DROP FUNCTION {name}()"));
    }

    /// <summary>
    /// Holds the ticket's next commit until disposed: PostgreSQL waits on a lock of its row, SQLite on the process's writer
    /// (the test cluster's silos run in this process).
    /// </summary>
    private async Task<IAsyncDisposable> HoldCommitsAsync(string number)
    {
        if (Fixture.Provider == DatabaseProvider.Sqlite)
        {
            var writer = new SqliteDialect(Fixture.Database.Options.ConnectionString).Writer!.Turn;
            await writer.WaitAsync(Cancellation);
            return new Hold(() =>
            {
                writer.Release();
                return ValueTask.CompletedTask;
            });
        }

        var connection = await Fixture.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync(Cancellation);
        await connection.ExecuteAsync("SELECT 1 FROM tickets WHERE number = @number FOR UPDATE", new { number }, transaction);
        return new Hold(async () =>
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        });
    }

    private sealed class Hold(Func<ValueTask> release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release();
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class GroupCommitGrainTestsOnSqlite(SqliteCluster fixture) : GroupCommitGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class GroupCommitGrainTestsOnPostgres(PostgresCluster fixture) : GroupCommitGrainTests(fixture);
