using System.Data.Common;
using Dapper;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Persistence;
using Xunit;

namespace TicketPlatform.Grains.Tests.Persistence;

/// <summary>
/// Writes of different callers on one database. On SQLite the writes that wait for its one writer are committed in one
/// shared transaction (a group commit across tickets); on PostgreSQL each has its own. Either way every caller gets its
/// own result or its own failure, and only its own rows are lost when it fails. The SQLite tests hold the writer so
/// that the group forms behind it, then let go.
/// </summary>
public abstract class WriteGroupTests(ClusterFixture fixture) : GrainTest(fixture)
{
    private bool OnSqlite => Fixture.Provider == DatabaseProvider.Sqlite;

    [Fact]
    public async Task Writes_that_wait_for_the_writer_each_get_their_own_result_and_commit_in_one_transaction_on_sqlite()
    {
        await using var probe = await ProbeAsync();
        var transactions = new DbTransaction[20];
        Task<string>[] writes;
        await using (await HoldWriterAsync())
        {
            writes = [.. Enumerable.Range(0, 20).Select(i => probe.Database.WriteAsync(async (connection, transaction) =>
            {
                transactions[i] = transaction;
                await probe.InsertAsync(connection, transaction, $"key {i}");
                return $"answer {i}";
            }))];
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"answer {i}"), await Task.WhenAll(writes));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"key {i}").Order(StringComparer.Ordinal), await probe.KeysAsync());
        if (OnSqlite)
        {
            Assert.Single(transactions.Distinct());
        }
    }

    [Fact]
    public async Task A_write_that_fails_in_a_group_fails_alone_and_leaves_none_of_its_rows()
    {
        await using var probe = await ProbeAsync();
        await probe.Database.WriteAsync(async (connection, transaction) =>
        {
            await probe.InsertAsync(connection, transaction, "taken");
            return true;
        });
        Task<int>[] writes;
        await using (await HoldWriterAsync())
        {
            writes = [.. Enumerable.Range(0, 10).Select(i => probe.Database.WriteAsync(async (connection, transaction) =>
            {
                await probe.InsertAsync(connection, transaction, $"half of {i}");
                await probe.InsertAsync(connection, transaction, i == 7 ? "taken" : $"key {i}");
                return i == 4 ? throw new RefusedException() : i;
            }))];
        }

        await Assert.ThrowsAsync<RefusedException>(() => writes[4]);
        var duplicate = await Assert.ThrowsAnyAsync<DbException>(() => writes[7]);
        Assert.True(probe.Database.Dialect.IsUniqueViolation(duplicate));
        int[] committed = [0, 1, 2, 3, 5, 6, 8, 9];
        foreach (var i in committed)
        {
            Assert.Equal(i, await writes[i]);
        }

        Assert.Equal(
            committed.SelectMany(i => new[] { $"half of {i}", $"key {i}" }).Append("taken").Order(StringComparer.Ordinal),
            await probe.KeysAsync());
    }

    [Fact]
    public async Task When_the_shared_transaction_breaks_every_write_of_the_group_runs_again_alone()
    {
        await using var probe = await ProbeAsync();
        await probe.RefuseAsync("poison");
        var runs = new int[6];
        Task<int>[] writes;
        await using (await HoldWriterAsync())
        {
            writes = [.. Enumerable.Range(0, 6).Select(i => probe.Database.WriteAsync(async (connection, transaction) =>
            {
                Interlocked.Increment(ref runs[i]);
                await probe.InsertAsync(connection, transaction, i == 3 ? "poison" : $"key {i}");
                return i;
            }))];
        }

        await Assert.ThrowsAnyAsync<DbException>(() => writes[3]);
        int[] committed = [0, 1, 2, 4, 5];
        foreach (var i in committed)
        {
            Assert.Equal(i, await writes[i]);
        }

        Assert.Equal(committed.Select(i => $"key {i}").Order(StringComparer.Ordinal), await probe.KeysAsync());
        // On SQLite the poison rolled back the whole shared transaction, so the writes before it ran twice (once in the
        // group, once alone); the ones after it ran only alone.
        Assert.Equal(OnSqlite ? [2, 2, 2, 2, 1, 1] : [1, 1, 1, 1, 1, 1], runs);
    }

    [Fact]
    public async Task A_statement_that_failed_in_a_group_runs_again_on_the_same_kept_command_with_new_parameters()
    {
        await using var probe = await ProbeAsync();
        await probe.InsertInBatchAsync(new { Key = "taken" });
        var connections = new DbConnection[6];
        Task<int>[] writes;
        await using (await HoldWriterAsync())
        {
            writes = [.. Enumerable.Range(0, 6).Select(i => probe.Database.WriteAsync(async (connection, transaction) =>
            {
                connections[i] = connection;
                await probe.InsertInBatchAsync(connection, transaction, new { Key = i == 2 ? "taken" : $"key {i}" });
                return i;
            }))];
        }

        var duplicate = await Assert.ThrowsAnyAsync<DbException>(() => writes[2]);
        Assert.True(probe.Database.Dialect.IsUniqueViolation(duplicate));
        int[] committed = [0, 1, 3, 4, 5];
        foreach (var i in committed)
        {
            Assert.Equal(i, await writes[i]);
        }

        // The same SQL again, in a transaction of its own, bound from parameters of another shape.
        await probe.InsertInBatchAsync(new { Key = "after", Unused = 1 });
        Assert.Equal(
            committed.Select(i => $"key {i}").Append("taken").Append("after").Order(StringComparer.Ordinal),
            await probe.KeysAsync());
        if (OnSqlite)
        {
            Assert.Single(connections.Distinct());
            Assert.IsType<SqliteWriterConnection>(connections[0]);
        }
    }

    [Fact]
    public async Task A_kept_statement_follows_a_change_of_its_table()
    {
        await using var probe = await ProbeAsync();
        await probe.InsertInBatchAsync(new { Key = "before" });
        await probe.RecreateWithNoteAsync();

        await probe.InsertInBatchAsync(new { Key = "after" });

        Assert.Equal(["after"], await probe.KeysAsync());
        Assert.Equal("new table", await probe.NoteAsync("after"));
    }

    [Fact]
    public async Task Writes_run_on_beyond_the_number_of_statements_the_writer_keeps_prepared()
    {
        await using var probe = await ProbeAsync();
        var keys = Enumerable.Range(0, 300).Select(i => $"key {i}").ToList();

        // Each key by an SQL text of its own, then the first text again once the kept ones were dropped.
        await probe.Database.WriteAsync((connection, transaction) => SqlBatch.ExecuteAsync(
            connection, transaction, [.. keys.Select((key, i) => probe.Insert(new { Key = key }, tag: i)), probe.Insert(new { Key = "again" }, tag: 0)]));

        Assert.Equal(keys.Append("again").Order(StringComparer.Ordinal), await probe.KeysAsync());
    }

    /// <summary>Holds the database's one writer until disposed (SQLite); PostgreSQL has none to hold.</summary>
    private async Task<IAsyncDisposable> HoldWriterAsync()
    {
        if (!OnSqlite)
        {
            return new Release(() => { });
        }

        var writer = new SqliteDialect(Fixture.Database.Options.ConnectionString).Writer!.Turn;
        await writer.WaitAsync(Cancellation);
        return new Release(() => writer.Release());
    }

    /// <summary>A table of its own for one test, and a Database of its own on the fixture's database.</summary>
    private async Task<Probe> ProbeAsync()
    {
        var table = $"write_group_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE TABLE {table} (key TEXT PRIMARY KEY)");
        var options = Fixture.Database.Options;
        ISqlDialect dialect = OnSqlite ? new SqliteDialect(options.ConnectionString) : new PostgresDialect(options.ConnectionString);
        return new Probe(this, table, dialect, new Database(dialect));
    }

    private sealed class Probe(WriteGroupTests test, string table, ISqlDialect dialect, Database database) : IAsyncDisposable
    {
        public Database Database => database;

        public Task InsertAsync(DbConnection connection, DbTransaction transaction, string key) =>
            connection.ExecuteAsync($"INSERT INTO {table} (key) VALUES (@key)", new { key }, transaction);

        /// <summary>An insert as the stores send their writes (on SQLite's writer, by a command kept for its SQL).</summary>
        public Task InsertInBatchAsync(DbConnection connection, DbTransaction transaction, object key) =>
            SqlBatch.ExecuteAsync(connection, transaction, [Insert(key)]);

        public Task<bool> InsertInBatchAsync(object key) =>
            database.WriteAsync((connection, transaction) => SqlBatch.ExecuteAsync(connection, transaction, [Insert(key)]));

        /// <summary>Drops the table and creates it again, empty, with a column whose default tells the new table's rows.</summary>
        public Task RecreateWithNoteAsync() =>
            test.ExecuteAsync($"DROP TABLE {table}; CREATE TABLE {table} (note TEXT NOT NULL DEFAULT 'new table', key TEXT PRIMARY KEY)");

        public async Task<string> NoteAsync(string key)
        {
            await using var connection = await test.Fixture.OpenConnectionAsync();
            return await connection.QuerySingleAsync<string>($"SELECT note FROM {table} WHERE key = @key", new { key });
        }

        public async Task<List<string>> KeysAsync()
        {
            await using var connection = await test.Fixture.OpenConnectionAsync();
            return [.. (await connection.QueryAsync<string>($"SELECT key FROM {table}")).Order(StringComparer.Ordinal)];
        }

        /// <summary>
        /// A trigger failing every insert of <paramref name="key"/>; on SQLite with RAISE(ROLLBACK), which ends the whole
        /// transaction it runs in, not only the statement.
        /// </summary>
        public Task RefuseAsync(string key) => test.ExecuteAsync(test.OnSqlite
            ? $"CREATE TRIGGER {table}_refuse BEFORE INSERT ON {table} WHEN NEW.key = '{key}' BEGIN SELECT RAISE(ROLLBACK, 'refused'); END"
            : $"""
               CREATE FUNCTION {table}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
               CREATE TRIGGER {table}_refuse BEFORE INSERT ON {table} FOR EACH ROW WHEN (NEW.key = '{key}') EXECUTE FUNCTION {table}_refuse();
               """);

        /// <summary>The insert; a <paramref name="tag"/> makes its SQL text another one.</summary>
        public SqlStatement Insert(object key, int? tag = null) => new($"INSERT INTO {table} (key) VALUES (@Key){(tag is null ? "" : $" -- {tag}")}", key);

        public async ValueTask DisposeAsync()
        {
            await database.DisposeAsync();
            await dialect.DisposeAsync();
            await test.ExecuteAsync(test.OnSqlite ? $"DROP TABLE {table}" : $"DROP TABLE {table}; DROP FUNCTION IF EXISTS {table}_refuse()");
        }
    }

    private sealed class RefusedException : Exception;

    private sealed class Release(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class WriteGroupTestsOnSqlite(SqliteCluster fixture) : WriteGroupTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class WriteGroupTestsOnPostgres(PostgresCluster fixture) : WriteGroupTests(fixture);
