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

        if (!actor.IsStaff && (query.SlaState is not null || query.Sort == TicketSortField.SlaDueAt))
        {
            return DomainError.Forbidden("Only staff may sort or filter tickets by their SLA clocks.", AccessReasons.Role);
        }

        bool ReadKey(string cursor, out SortKey key)
        {
            key = default;
            if (!Cursor.TryDecode(cursor, parts: 2, out var parts) || !IsValidKey(query.Sort, parts[0]))
            {
                return false;
            }

            key = new SortKey(parts);
            return true;
        }

        if (Paging.Check<SortKey>(query.Limit, query.Cursor, ReadKey, out var cursorKey) is { } invalid)
        {
            return invalid;
        }

        var after = cursorKey?.Parts;

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

        var tickets = rows.Select(row => row.ToState(ImmutableDictionary<Guid, Participant>.Empty).ToView(actor, withParticipants: false)).ToList();
        return Paging.Cut(tickets, query.Limit, last => TicketListSql.CursorFor(query.Sort, last), total?.Item1, total?.Item2);
    }

    public async Task<Result<TicketStats>> Stats(Actor actor, bool archived)
    {
        if (archived && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only an ADMIN may count archived tickets.", AccessReasons.Role);
        }

        var sql = TicketListSql.For(database.Dialect, actor, new TicketListQuery(Archived: archived));
        var (byStatus, byPriority, slaBreached) = await database.ReadAsync(async connection => (
            await connection.QueryAsync<(string Status, long Count)>(sql.GroupCountSql("status"), sql.Parameters),
            await connection.QueryAsync<(short Priority, long Count)>(sql.GroupCountSql("priority"), sql.Parameters),
            actor.IsStaff ? await connection.ExecuteScalarAsync<long>(sql.SlaBreachedCountSql, sql.Parameters) : (long?)null));
        return new TicketStats(
            EnumText.All<TicketStatus>().ToDictionary(name => name, name => byStatus.Where(r => r.Status == name).Sum(r => r.Count)),
            Enum.GetValues<TicketPriority>().ToDictionary(EnumText.Of, p => byPriority.Where(r => r.Priority == (short)p).Sum(r => r.Count)),
            slaBreached);
    }

    private static bool IsValidKey(TicketSortField sort, string value) => sort == TicketSortField.Priority
        ? short.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _);

    /// <summary>A decoded ticket-list cursor: the sort value and the number of the last ticket shown.</summary>
    private readonly record struct SortKey(string[] Parts);
}
