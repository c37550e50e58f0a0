using System.Data.Common;
using Npgsql;

namespace TicketPlatform.Persistence;

public sealed class PostgresDialect(string connectionString) : ISqlDialect
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public DbConnection CreateConnection() => _dataSource.CreateConnection();

    public ValueTask<IDisposable> EnterWriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(NoLock.Instance);

    public string ContainsIgnoreCase(string column, string patternParameter) => $"{column} ILIKE {patternParameter} ESCAPE '\\'";

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public bool IsForeignKeyViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private sealed class NoLock : IDisposable
    {
        public static readonly IDisposable Instance = new NoLock();

        public void Dispose()
        {
        }
    }
}
