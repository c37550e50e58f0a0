using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Persistence;
using TicketPlatform.Sla;
using TicketPlatform.Sla.Clocks;
using TicketPlatform.Sla.Schedule;
using Xunit;

namespace TicketPlatform.Grains.Tests.Sla;

/// <summary>The SLA due index on a real database: rows replaced in a transaction, the scan's read by due time.</summary>
public abstract class SlaDueStoreTests(ClusterFixture fixture) : GrainTest(fixture)
{
    private static readonly DateTimeOffset Now = new(2030, 1, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_ticket_s_rows_are_replaced_whole_and_read_back_exactly()
    {
        await using var database = Open();
        var number = (await OpenAsync(await NewUserAsync())).Number;
        SlaDueMoment[] first = [new(SlaKind.FirstResponse, SlaDue.Warning, Now.AddSeconds(7.5)), new(SlaKind.FirstResponse, SlaDue.Breach, Now.AddSeconds(10))];
        SlaDueMoment[] second = [new(SlaKind.Resolution, SlaDue.Breach, Now.AddHours(4))];

        await Replace(database.Database, number, first);
        Assert.Equal(first, await database.Store.Of(number));

        await Replace(database.Database, number, second);
        Assert.Equal(second, await database.Store.Of(number));

        await Replace(database.Database, number, []);
        Assert.Empty(await database.Store.Of(number));
    }

    [Fact]
    public async Task The_scan_finds_only_tickets_with_something_due_the_longest_overdue_first()
    {
        await using var database = Open();
        var requester = await NewUserAsync();
        var (late, later, notYet) = ((await OpenAsync(requester)).Number, (await OpenAsync(requester)).Number, (await OpenAsync(requester)).Number);
        // Far in the past, so rows other tests of this database leave behind (due around 2030) never come first.
        var past = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await Replace(database.Database, later, [new(SlaKind.Resolution, SlaDue.Breach, past.AddMinutes(2)), new(SlaKind.FirstResponse, SlaDue.Warning, past.AddYears(50))]);
        await Replace(database.Database, late, [new(SlaKind.FirstResponse, SlaDue.Breach, past.AddMinutes(1))]);
        await Replace(database.Database, notYet, [new(SlaKind.FirstResponse, SlaDue.Breach, past.AddYears(50))]);

        Assert.Equal([late, later], await database.Store.TicketsDue(past.AddMinutes(5), take: 10));
        Assert.Equal([late], await database.Store.TicketsDue(past.AddMinutes(5), take: 1));
        Assert.Empty(await database.Store.TicketsDue(past, take: 10));
    }

    private static Task Replace(Database database, string number, IReadOnlyList<SlaDueMoment> moments) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await SlaDueStore.Replace(connection, transaction, number, moments);
            return true;
        });

    private OpenDatabase Open()
    {
        var options = Fixture.Database.Options;
        ISqlDialect dialect = options.Provider == DatabaseProvider.Sqlite
            ? new SqliteDialect(options.ConnectionString)
            : new PostgresDialect(options.ConnectionString);
        var database = new Database(dialect);
        return new OpenDatabase(dialect, database, new SlaDueStore(database));
    }

    private sealed record OpenDatabase(ISqlDialect Dialect, Database Database, SlaDueStore Store) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Database.DisposeAsync();
            await Dialect.DisposeAsync();
        }
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class SlaDueStoreTestsOnSqlite(SqliteCluster fixture) : SlaDueStoreTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class SlaDueStoreTestsOnPostgres(PostgresCluster fixture) : SlaDueStoreTests(fixture);
