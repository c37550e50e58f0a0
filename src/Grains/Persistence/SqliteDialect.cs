using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TicketPlatform.Persistence;

/// <summary>
/// SQLite in WAL mode with one serialised writer per database file: Microsoft.Data.Sqlite's async calls run
/// synchronously, so contention is resolved here instead of by SQLite's busy loop.
/// </summary>
public sealed class SqliteDialect(string connectionString) : ISqlDialect
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writer =
        Writers.GetOrAdd(new SqliteConnectionStringBuilder(connectionString).DataSource, _ => new SemaphoreSlim(1, 1));

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public DbConnection CreateConnection() => new SqliteConnection(connectionString);

    public void DiscardIdleConnections()
    {
    }

    public async ValueTask<IDisposable> EnterWriterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Release(_writer);
    }

    // Already serialised: one writer per file at a time (EnterWriterAsync), and SQLite itself admits one writing transaction.
    public Task SerializeAsync(DbConnection connection, DbTransaction transaction, long key) => Task.CompletedTask;

    public string ContainsIgnoreCase(string column, string patternParameter) => $"{column} LIKE {patternParameter} ESCAPE '\\'";

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public bool IsForeignKeyViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 787 };

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
