using Dapper;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>Direct reads of the database under test, to check what was (not) written.</summary>
public static class DatabaseProbe
{
    public static async Task<long> CountRows(this TestDatabase database, string table, string column, object value)
    {
        await using var dialect = Dialect(database);
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {column} = @value", new { value });
    }

    public static async Task<T> Scalar<T>(this TestDatabase database, string sql, object? parameters = null)
    {
        await using var dialect = Dialect(database);
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>A dialect of its own on the database under test; dispose it.</summary>
    public static ISqlDialect Dialect(this TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteDialect(database.Options.ConnectionString)
        : new PostgresDialect(database.Options.ConnectionString);
}
