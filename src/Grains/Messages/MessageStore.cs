using System.Globalization;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;
using TicketPlatform.Idempotency;

namespace TicketPlatform.Messages;

/// <summary>
/// The SQL of the conversation: message rows are written as staged writes of the ticket's commit; reads are
/// keyset pages by seq with the viewer's visibility applied; read pointers are per user.
/// </summary>
internal sealed class MessageStore(Database database, IdempotencyStore idempotency)
{
    private const string Columns = "id, ticket_number, seq, author_id, content, visibility, created_at, edited_at, deleted_at, deleted_by";

    public static SqlStatement Insert(MessageRecord m) => new(
        $"INSERT INTO messages ({Columns}) VALUES (@Id, @TicketNumber, @Seq, @AuthorId, @Content, @Visibility, @CreatedAt, @EditedAt, @DeletedAt, @DeletedBy)",
        new { m.Id, m.TicketNumber, m.Seq, m.AuthorId, m.Content, Visibility = EnumText.Of(m.Visibility), m.CreatedAt, m.EditedAt, m.DeletedAt, m.DeletedBy }, MustAffectRow: true);

    /// <summary>Never on a deleted row: an edit decided before a delete must not write words back into the erased message.</summary>
    public static SqlStatement Edit(MessageRecord m) => new(
        "UPDATE messages SET content = @Content, edited_at = @EditedAt WHERE id = @Id AND deleted_at IS NULL", new { m.Id, m.Content, m.EditedAt }, MustAffectRow: true);

    /// <summary>Soft delete that erases the words: the row keeps who deleted it and when, the content becomes NULL.</summary>
    public static SqlStatement Erase(MessageRecord m) => new(
        "UPDATE messages SET content = NULL, deleted_at = @DeletedAt, deleted_by = @DeletedBy WHERE id = @Id AND deleted_at IS NULL",
        new { m.Id, m.DeletedAt, m.DeletedBy }, MustAffectRow: true);

    /// <summary>The condition that keeps INTERNAL messages from USERs, for a query over <c>messages</c> aliased <paramref name="alias"/>.</summary>
    public static string VisibleTo(Actor viewer, string alias = "") => EventAudience.Filter(viewer.IsStaff, alias);

    public async Task<MessageRecord?> Find(string ticketNumber, Guid id)
    {
        var row = await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<MessageRow>(
            $"SELECT {Columns} FROM messages WHERE ticket_number = @ticketNumber AND id = @id", new { ticketNumber, id }));
        return row?.ToRecord();
    }

    /// <summary>The messages after <paramref name="afterSeq"/>, oldest first, and a cursor when more follow.</summary>
    public async Task<Page<MessageView>> After(string ticketNumber, Actor viewer, long afterSeq, int limit, bool includeTotal)
    {
        var rows = await Query(
            $"SELECT {Columns} FROM messages WHERE ticket_number = @ticketNumber AND seq > @seq {VisibleTo(viewer)} ORDER BY seq LIMIT @take",
            ticketNumber, afterSeq, limit + 1);
        return Paging.Cut(rows, limit, m => Cursor.OfSeq(m.Seq), await Total(ticketNumber, viewer, includeTotal)).Map(m => m.ToView());
    }

    /// <summary>The <paramref name="limit"/> messages just before <paramref name="beforeSeq"/>, oldest first; the cursor continues forward.</summary>
    public async Task<Page<MessageView>> Before(string ticketNumber, Actor viewer, long beforeSeq, int limit, bool includeTotal)
    {
        var rows = await Query(
            $"SELECT {Columns} FROM messages WHERE ticket_number = @ticketNumber AND seq < @seq {VisibleTo(viewer)} ORDER BY seq DESC LIMIT @take",
            ticketNumber, beforeSeq, limit);
        return Paging.Backward(rows, m => Cursor.OfSeq(m.Seq), await Total(ticketNumber, viewer, includeTotal)).Map(m => m.ToView());
    }

    /// <summary>How many messages the viewer's conversation holds, tombstones included; null when not asked.</summary>
    private async Task<long?> Total(string ticketNumber, Actor viewer, bool includeTotal) => includeTotal
        ? await database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM messages WHERE ticket_number = @ticketNumber {VisibleTo(viewer)}", new { ticketNumber }))
        : null;

    /// <summary>Moves the user's read pointer forward to <paramref name="seq"/>; never back.</summary>
    public Task MoveReadPointer(string ticketNumber, Guid userId, long seq, DateTimeOffset now) => idempotency.WriteEffectAsync((connection, transaction) =>
        connection.ExecuteAsync(
            """
            INSERT INTO message_reads (ticket_number, user_id, last_read_seq, read_at) VALUES (@ticketNumber, @userId, @seq, @now)
            ON CONFLICT (ticket_number, user_id) DO UPDATE SET last_read_seq = excluded.last_read_seq, read_at = excluded.read_at
            WHERE message_reads.last_read_seq < excluded.last_read_seq
            """,
            new { ticketNumber, userId, seq, now },
            transaction), moved => moved > 0);

    /// <summary>Live messages after the viewer's read pointer that the viewer can see and did not write.</summary>
    public Task<UnreadMessages> Unread(string ticketNumber, Actor viewer) => database.ReadAsync(async connection =>
    {
        var unread = $"""
            FROM messages
            WHERE ticket_number = @ticketNumber AND author_id <> @viewer AND deleted_at IS NULL {VisibleTo(viewer)}
              AND seq > COALESCE((SELECT last_read_seq FROM message_reads WHERE ticket_number = @ticketNumber AND user_id = @viewer), 0)
            """;
        var parameters = new { ticketNumber, viewer = viewer.UserId };
        var count = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) {unread}", parameters);
        var first = count == 0 ? null : await connection.QueryFirstOrDefaultAsync<Guid?>($"SELECT id {unread} ORDER BY seq LIMIT 1", parameters);
        return new UnreadMessages(count, first);
    });

    private Task<List<MessageRecord>> Query(string sql, string ticketNumber, long seq, int take) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<MessageRow>(sql, new { ticketNumber, seq, take })).Select(row => row.ToRecord()).ToList());

}
