using System.Data.Common;
using Dapper;

namespace TicketPlatform.Tickets;

/// <summary>A staged write that is one SQL statement with its parameters.</summary>
internal sealed record StagedSql(string Sql, object Parameters) : IStagedWrite
{
    public Task Execute(DbConnection connection, DbTransaction transaction) => connection.ExecuteAsync(Sql, Parameters, transaction);
}
