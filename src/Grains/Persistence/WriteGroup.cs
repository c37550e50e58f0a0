using System.Data;
using System.Data.Common;

namespace TicketPlatform.Persistence;

/// <summary>
/// Group commit across writers for a database with one writer at a time (SQLite): the writes that queue while a
/// transaction holds the writer are run next in ONE transaction, each inside a savepoint of its own, so a commit's
/// cost (the <c>fsync</c>) is paid once for all of them. Each caller is answered after that commit, as if its write had
/// committed alone: a write that throws is rolled back to its savepoint and its caller gets the exception, the others
/// commit. When the shared transaction itself fails (the commit, or a rollback to a savepoint), nothing of it was
/// written and every write of the group is run once more in a transaction of its own, so one failure stays one
/// caller's. The groups run on one connection, kept open from the first group on (on SQLite one that keeps its
/// commands prepared: <see cref="SqliteWriterConnection"/>).
/// </summary>
internal sealed class WriteGroup(SingleWriter writer, int maxWrites) : IAsyncDisposable
{
    private static readonly SqlStatement Savepoint = new("SAVEPOINT write", new { });
    private static readonly SqlStatement RollbackToSavepoint = new("ROLLBACK TO write", new { });
    private static readonly SqlStatement ReleaseSavepoint = new("RELEASE write", new { });

    private readonly Lock _gate = new();
    private readonly Queue<Write> _pending = [];
    private bool _leading;
    private bool _disposed;

    /// <summary>Used by the leader; taken away (to be closed) under the gate, by a disposal while none leads or by the last leader after it.</summary>
    private DbConnection? _connection;

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write)
    {
        var queued = new Write<T>(write);
        bool lead;
        lock (_gate)
        {
            _pending.Enqueue(queued);
            lead = !_leading;
            _leading = true;
        }

        if (lead)
        {
            // Off the caller's scheduler (a grain's): the leader runs other callers' writes.
            _ = Task.Run(LeadAsync);
        }

        return queued.Answer;
    }

    /// <summary>
    /// Runs groups until no write waits; whoever queues next while none leads becomes the leader. The group is taken
    /// once the writer is held, so it holds every write that queued while another transaction had the writer.
    /// </summary>
    private async Task LeadAsync()
    {
        while (true)
        {
            await writer.Turn.WaitAsync();
            try
            {
                List<Write> group = [];
                DbConnection? closing = null;
                lock (_gate)
                {
                    while (group.Count < maxWrites && _pending.TryDequeue(out var next))
                    {
                        group.Add(next);
                    }

                    if (group.Count == 0)
                    {
                        _leading = false;
                        closing = _disposed ? TakeConnection() : null;
                    }
                }

                if (group.Count == 0)
                {
                    await (closing?.DisposeAsync() ?? ValueTask.CompletedTask);
                    return;
                }

                try
                {
                    await RunAsync(group);
                }
                catch (Exception e)
                {
                    // Only what no write caused can land here: whoever is not answered yet fails.
                    group.ForEach(write => write.Fail(e));
                }
            }
            finally
            {
                writer.Turn.Release();
            }
        }
    }

    private async Task RunAsync(List<Write> group)
    {
        DbConnection connection;
        try
        {
            connection = await OpenAsync();
        }
        catch (Exception e)
        {
            group.ForEach(write => write.Fail(e is DbException db ? Database.Unavailable(db) : e));
            return;
        }

        if (group.Count > 1 && await TryTogetherAsync(connection, group))
        {
            return;
        }

        foreach (var write in group)
        {
            await AloneAsync(connection, write);
        }
    }

    /// <summary>The group in one transaction; false when that transaction failed as a whole (nothing of it was written, nobody answered).</summary>
    private static async Task<bool> TryTogetherAsync(DbConnection connection, List<Write> group)
    {
        var failures = new Exception?[group.Count];
        try
        {
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < group.Count; i++)
            {
                await SqlBatch.ExecuteAsync(connection, transaction, Savepoint);
                try
                {
                    await group[i].RunAsync(connection, transaction);
                }
                catch (Exception e)
                {
                    failures[i] = e;
                    await SqlBatch.ExecuteAsync(connection, transaction, RollbackToSavepoint);
                }

                await SqlBatch.ExecuteAsync(connection, transaction, ReleaseSavepoint);
            }

            await transaction.CommitAsync();
        }
        catch (Exception)
        {
            // Not a write's own failure (those are caught above): the shared transaction broke, and rolled back.
            return false;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                group[i].Fail(failure);
            }
            else
            {
                group[i].Commit();
            }
        }

        return true;
    }

    private static async Task AloneAsync(DbConnection connection, Write write)
    {
        try
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await write.RunAsync(connection, transaction);
            await transaction.CommitAsync();
            write.Commit();
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }

    /// <summary>The kept connection, opened when it is not open (before the first group, or after its opening failed).</summary>
    private async Task<DbConnection> OpenAsync()
    {
        _connection ??= writer.CreateConnection();
        if (_connection.State != ConnectionState.Open)
        {
            await _connection.OpenAsync();
        }

        return _connection;
    }

    /// <summary>
    /// Closes the kept connection, now when no group runs, else when the leader stops. It does not wait for the writer,
    /// which its holder may keep while this is disposed (a silo stopping under a held writer).
    /// </summary>
    public ValueTask DisposeAsync()
    {
        DbConnection? closing;
        lock (_gate)
        {
            _disposed = true;
            closing = _leading ? null : TakeConnection();
        }

        return closing?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private DbConnection? TakeConnection()
    {
        var connection = _connection;
        _connection = null;
        return connection;
    }

    private abstract class Write
    {
        /// <summary>Runs the write in <paramref name="transaction"/>, keeping its result until the commit.</summary>
        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        /// <summary>Answers the caller with the kept result: its transaction committed.</summary>
        public abstract void Commit();

        public abstract void Fail(Exception failure);
    }

    private sealed class Write<T>(Func<DbConnection, DbTransaction, Task<T>> write) : Write
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Answer => _answer.Task;

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) => _result = await write(connection, transaction);

        public override void Commit() => _answer.TrySetResult(_result!);

        public override void Fail(Exception failure) => _answer.TrySetException(failure);
    }
}
