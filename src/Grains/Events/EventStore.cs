using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;

namespace TicketPlatform.Events;

/// <summary>Appends events inside a ticket's transaction, and reads timelines with visibility applied.</summary>
internal sealed class EventStore(Database database)
{
    internal const string Columns = "ticket_number, seq, type, actor_id, visibility, subject_id, payload, created_at";

    /// <summary>
    /// The statements appending a commit's events and their one event_outbox entry (the ticket and its seq range), from
    /// which outbound delivery (webhooks) is fed: written in the same transaction, so no committed event is missed and
    /// none is seen uncommitted.
    /// </summary>
    public static IEnumerable<SqlStatement> Append(IReadOnlyList<NewEvent> events)
    {
        if (events.Count == 0)
        {
            yield break;
        }

        foreach (var e in events)
        {
            yield return new SqlStatement(
                $"INSERT INTO events ({Columns}) VALUES (@TicketNumber, @Seq, @Type, @ActorId, @Visibility, @SubjectId, @Payload, @CreatedAt)",
                new
                {
                    e.TicketNumber,
                    e.Seq,
                    Type = EnumText.Of(e.Type),
                    e.ActorId,
                    Visibility = EnumText.Of(e.Visibility),
                    e.SubjectId,
                    e.Payload,
                    e.CreatedAt,
                });
        }

        yield return new SqlStatement(
            "INSERT INTO event_outbox (ticket_number, from_seq, to_seq) VALUES (@TicketNumber, @FromSeq, @ToSeq)",
            new { events[0].TicketNumber, FromSeq = events[0].Seq, ToSeq = events[^1].Seq });
    }

    /// <summary>One ticket's timeline after <paramref name="query"/>.After, oldest first, as <paramref name="viewer"/> may see it.</summary>
    /// <remarks>The total counts the whole timeline the viewer may see (with the type filter), wherever the page starts.</remarks>
    public Task<Page<TicketEventView>> Timeline(string ticketNumber, Actor viewer, TicketEventQuery query) => database.ReadAsync(async connection =>
    {
        var filter = $"""
            FROM events
            WHERE ticket_number = @ticketNumber
              {(query.Type is null ? "" : "AND type = @type")}
              {EventAudience.EventFilter(viewer)}
            """;
        var parameters = new
        {
            ticketNumber,
            after = query.After,
            type = query.Type is { } type ? EnumText.Of(type) : null,
            viewer = viewer.UserId,
            take = query.Limit + 1,
        };
        long? total = query.IncludeTotal ? await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) {filter}", parameters) : null;
        var rows = (await connection.QueryAsync<EventRow>($"SELECT {Columns} {filter} AND seq > @after ORDER BY seq LIMIT @take", parameters)).ToList();
        return Paging.Cut(rows, query.Limit, row => Cursor.OfSeq(row.Seq), total).Map(row => row.ToView());
    });

    internal class EventRow
    {
        public string TicketNumber { get; init; } = "";

        public long Seq { get; init; }

        public string Type { get; init; } = "";

        public Guid ActorId { get; init; }

        public string Visibility { get; init; } = "";

        public Guid? SubjectId { get; init; }

        public string Payload { get; init; } = "{}";

        public DateTimeOffset CreatedAt { get; init; }

        public TicketEventView ToView() => new(
            TicketNumber, Seq, EnumText.Parse<TicketEventType>(Type), ActorId,
            EnumText.Parse<EventVisibility>(Visibility), Payload, CreatedAt, SubjectId);
    }
}
