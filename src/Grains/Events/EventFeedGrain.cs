using System.Globalization;
using Dapper;
using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;

namespace TicketPlatform.Events;

[StatelessWorker, Reentrant]
internal sealed class EventFeedGrain(Database database) : Grain, IEventFeedGrain
{
    public async Task<Result<Page<TicketEventView>>> Feed(Actor actor, EventFeedQuery query)
    {
        if (!actor.IsAdmin)
        {
            return DomainError.Forbidden("The audit feed is for ADMINs.", AccessReasons.Role);
        }

        if (Paging.Check<long>(query.Limit, query.Cursor, Cursor.TryDecodeSeq, out var before) is { } invalid)
        {
            return invalid;
        }

        var where = new List<string> { "1 = 1" };
        var parameters = new DynamicParameters();
        void Filter(string condition, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(condition);
                parameters.Add(name, value);
            }
        }

        Filter("ticket_number = @ticket", "ticket", query.TicketNumber);
        Filter("actor_id = @actor", "actor", query.ActorId);
        Filter("type = @type", "type", query.Type is { } type ? EnumText.Of(type) : null);
        Filter("created_at >= @from", "from", query.From);
        Filter("created_at <= @to", "to", query.To);
        var filter = string.Join(" AND ", where);
        Filter("id < @before", "before", before);
        parameters.Add("take", query.Limit + 1);

        var (rows, total) = await database.ReadAsync(async connection =>
        {
            long? total = query.IncludeTotal ? await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM events WHERE {filter}", parameters) : null;
            var rows = await connection.QueryAsync<FeedRow>(
                $"SELECT id, {EventStore.Columns} FROM events WHERE {string.Join(" AND ", where)} ORDER BY id DESC LIMIT @take", parameters);
            return (rows.ToList(), total);
        });

        return Paging.Cut(rows, query.Limit, row => Cursor.OfSeq(row.Id), total).Map(row => row.ToView());
    }

    private sealed class FeedRow : EventStore.EventRow
    {
        public long Id { get; init; }
    }
}
