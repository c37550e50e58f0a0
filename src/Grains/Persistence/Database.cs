using System.Data;
using System.Data.Common;
using TicketPlatform.Common;

namespace TicketPlatform.Persistence;

/// <summary>
/// Runs reads and single-transaction writes against the domain tables. A failure of the connection itself (the
/// database is down or restarting) becomes a <see cref="StorageUnavailableException"/>, which callers across the
/// cluster understand; a failing statement on a live connection stays the driver's exception, for the stores to judge.
/// </summary>
public sealed class Database(ISqlDialect dialect) : IAsyncDisposable
{
    /// <summary>The most writes one shared transaction takes: the writer is not held much longer than one commit's flush.</summary>
    private const int MaxGroupedWrites = 64;

    private readonly WriteGroup? _group = dialect.Writer is { } writer ? new WriteGroup(writer, MaxGroupedWrites) : null;

    public ISqlDialect Dialect => dialect;

    /// <summary>Reads; retried once on a fresh connection when the first one turns out dead (a pooled one from before a restart).</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = dialect.CreateConnection();
            try
            {
                await connection.OpenAsync(cancellationToken);
                return await read(connection);
            }
            catch (DbException e) when (connection.State != ConnectionState.Open)
            {
                dialect.DiscardIdleConnections();
                if (attempt > 0)
                {
                    throw Unavailable(e);
                }
            }
        }
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken) => ReadAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in ONE transaction: committed when it returns, rolled back when it throws; answered
    /// once the commit is durable. <paramref name="write"/> may run more than once (each time in a fresh transaction,
    /// the earlier one rolled back), so it keeps nothing of a run but its result. With one writer at a time (SQLite)
    /// the writes that wait for it share one transaction (<see cref="WriteGroup"/>). Otherwise retried once on a fresh
    /// connection when the connection died before the commit was sent (nothing can have been written); a connection
    /// lost during the commit is reported, since the commit may or may not have happened.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        if (_group is null)
        {
            return WriteAloneAsync(write, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _group.WriteAsync(write);
    }

    private async Task<T> WriteAloneAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var committing = false;
            await using var connection = dialect.CreateConnection();
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await write(connection, transaction);
                committing = true;
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbException e) when (connection.State != ConnectionState.Open)
            {
                dialect.DiscardIdleConnections();
                if (attempt > 0 || committing)
                {
                    throw Unavailable(e);
                }
            }
        }
    }

    public ValueTask DisposeAsync() => _group?.DisposeAsync() ?? ValueTask.CompletedTask;

    // The driver's exception stays here: its type may be unknown to a caller on another node.
    internal static StorageUnavailableException Unavailable(DbException e) =>
        new($"The database could not be reached: {e.GetType().Name}: {e.Message}");
}
