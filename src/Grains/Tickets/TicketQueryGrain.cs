using System.Collections.Immutable;
using Dapper;
using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Persistence;

namespace TicketPlatform.Tickets;

[StatelessWorker, Reentrant]
internal sealed class TicketQueryGrain(Database database) : Grain, ITicketQueryGrain
{
    public async Task<Result<Page<TicketView>>> List(Actor actor, TicketListQuery query)
    {
        if (query.Archived && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only an ADMIN may list archived tickets.", AccessReasons.Role);
        }

        if (new FieldErrors().Limit("limit", query.Limit).ToError() is { } invalid)
        {
            return invalid;
        }

        string[]? after = null;
        if (query.Cursor is not null)
        {
            if (!Cursor.TryDecode(query.Cursor, parts: 2, out var key) || !IsValidKey(query.Sort, key[0]))
            {
                return DomainError.Validation("cursor", "The cursor is not one this list issued.");
            }

            after = key;
        }

        var (rows, total) = await database.ReadAsync(async connection =>
        {
            string? textQuery = null;
            if (!string.IsNullOrWhiteSpace(query.Text) && (textQuery = await database.Dialect.TextQueryAsync(connection, query.Text)) is null)
            {
                return (Rows: new List<TicketRow>(), Total: query.IncludeTotal ? (0L, true) : default((long, bool)?));
            }

            var sql = TicketListSql.For(database.Dialect, actor, query, textQuery);
            await sql.ClassifyTextAsync(connection);
            (long, bool)? total = query.IncludeTotal ? await sql.CountAsync(connection) : null;
            var rows = await connection.QueryAsync<TicketRow>(sql.PageSql(query.Sort, after, query.Limit + 1), sql.Parameters);
            return (Rows: rows.ToList(), Total: total);
        });

        var items = rows.Take(query.Limit).Select(row => row.ToState(ImmutableDictionary<Guid, Participant>.Empty).ToView(withParticipants: false)).ToArray();
        var next = rows.Count > query.Limit ? TicketListSql.CursorFor(query.Sort, items[^1]) : null;
        return new Page<TicketView>(items, next, total?.Item1, total?.Item2);
    }

    public async Task<Result<TicketStats>> Stats(Actor actor, bool archived)
    {
        if (archived && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only an ADMIN may count archived tickets.", AccessReasons.Role);
        }

        var sql = TicketListSql.For(database.Dialect, actor, new TicketListQuery(Archived: archived));
        var (byStatus, byPriority) = await database.ReadAsync(async connection => (
            await connection.QueryAsync<(string Status, long Count)>(sql.GroupCountSql("status"), sql.Parameters),
            await connection.QueryAsync<(short Priority, long Count)>(sql.GroupCountSql("priority"), sql.Parameters)));
        return new TicketStats(
            EnumText.All<TicketStatus>().ToDictionary(name => name, name => byStatus.Where(r => r.Status == name).Sum(r => r.Count)),
            Enum.GetValues<TicketPriority>().ToDictionary(EnumText.Of, p => byPriority.Where(r => r.Priority == (short)p).Sum(r => r.Count)));
    }

    private static bool IsValidKey(TicketSortField sort, string value) => sort == TicketSortField.Priority
        ? short.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _);
}
