using System.Data.Common;
using Dapper;

namespace TicketPlatform.Tickets;

/// <summary>
/// A staged write that is one SQL statement with its parameters. The statement carries its own precondition
/// (e.g. <c>deleted_at IS NULL</c>): when it affects no row, the row was not as decided and the commit is abandoned.
/// </summary>
internal sealed record StagedSql(string Sql, object Parameters) : IStagedWrite
{
    public async Task<bool> Execute(DbConnection connection, DbTransaction transaction) =>
        await connection.ExecuteAsync(Sql, Parameters, transaction) > 0;
}
