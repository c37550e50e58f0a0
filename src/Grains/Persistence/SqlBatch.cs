using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TicketPlatform.Persistence;

/// <summary>
/// One statement of a write sent as part of a batch. <paramref name="Parameters"/> is an object whose properties are
/// the statement's <c>@Name</c> parameters. A statement that <paramref name="MustAffectRow"/> carries a precondition (a
/// version fence, <c>deleted_at IS NULL</c>): when it affects no row, the batch is not as decided and must not commit.
/// </summary>
internal sealed record SqlStatement(string Sql, object Parameters, bool MustAffectRow = false);

/// <summary>
/// Sends the statements of one transaction together: as one <see cref="DbBatch"/> (one round trip) where the driver
/// has batches (Npgsql), else one command after the other on the connection (SQLite runs in process).
/// </summary>
internal static partial class SqlBatch
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo[]> Bindings = new();

    /// <summary>
    /// Runs every statement in <paramref name="transaction"/>; false when a statement that must affect a row affected
    /// none (the caller then rolls back). A statement failing after such a statement counts as that (it ran on a stale
    /// premise); any other failure is thrown.
    /// </summary>
    public static async Task<bool> ExecuteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements)
    {
        if (!connection.CanCreateBatch)
        {
            foreach (var statement in statements)
            {
                if (await ExecuteAsync(connection, transaction, statement) == 0 && statement.MustAffectRow)
                {
                    return false;
                }
            }

            return true;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            Bind(statement, command.CreateParameter, command.Parameters);
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (DbException) when (MissedRow(statements, batch))
        {
            return false;
        }

        return !MissedRow(statements, batch);
    }

    /// <summary>
    /// One statement as a command of its own, returning the rows it affected; on the single writer's connection
    /// (SQLite) with the command kept prepared there for its SQL.
    /// </summary>
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, SqlStatement statement)
    {
        if (connection is SqliteWriterConnection writer)
        {
            return await ExecuteAsync(writer.Prepared(statement.Sql, transaction), statement);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        return await ExecuteAsync(command, statement);
    }

    private static Task<int> ExecuteAsync(DbCommand command, SqlStatement statement)
    {
        Bind(statement, command.CreateParameter, command.Parameters);
        return command.ExecuteNonQueryAsync();
    }

    private static bool MissedRow(IReadOnlyList<SqlStatement> statements, DbBatch batch)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].MustAffectRow && batch.BatchCommands[i].RecordsAffected == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Binds the properties the statement names, as Dapper would: times in UTC, nulls typed by their property.</summary>
    private static void Bind(SqlStatement statement, Func<DbParameter> create, DbParameterCollection parameters)
    {
        foreach (var property in Bindings.GetOrAdd((statement.Parameters.GetType(), statement.Sql), key => Named(key.Item1, key.Item2)))
        {
            var parameter = create();
            parameter.ParameterName = "@" + property.Name;
            var value = property.GetValue(statement.Parameters);
            if (value is null)
            {
                parameter.DbType = DbTypeOf(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
            }

            parameter.Value = value switch
            {
                null => DBNull.Value,
                DateTimeOffset time => time.ToUniversalTime(),
                _ => value,
            };
            parameters.Add(parameter);
        }
    }

    private static PropertyInfo[] Named(Type type, string sql)
    {
        var names = ParameterNames().Matches(sql).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return [.. type.GetProperties().Where(property => names.Contains(property.Name))];
    }

    private static DbType DbTypeOf(Type type) =>
        type == typeof(Guid) ? DbType.Guid
        : type == typeof(DateTimeOffset) ? DbType.DateTimeOffset
        : type == typeof(bool) ? DbType.Boolean
        : type == typeof(short) ? DbType.Int16
        : type == typeof(int) ? DbType.Int32
        : type == typeof(long) ? DbType.Int64
        : type == typeof(byte[]) ? DbType.Binary
        : DbType.String;

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex ParameterNames();
}
