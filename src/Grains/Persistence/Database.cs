using System.Data.Common;

namespace TicketPlatform.Persistence;

/// <summary>Runs reads and single-transaction writes against the domain tables.</summary>
public sealed class Database(ISqlDialect dialect)
{
    public ISqlDialect Dialect => dialect;

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return await read(connection);
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken) => ReadAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }, cancellationToken);

    /// <summary>Runs <paramref name="write"/> in ONE transaction: committed when it returns, rolled back when it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        using var writer = await dialect.EnterWriterAsync(cancellationToken);
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
