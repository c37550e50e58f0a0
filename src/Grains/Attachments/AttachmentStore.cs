using System.Globalization;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Messages;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;

namespace TicketPlatform.Attachments;

/// <summary>
/// The SQL of attachment metadata: rows are written as staged writes of the ticket's commit; reads join the
/// message for its visibility; the purge marks the rows whose blobs it removed.
/// </summary>
internal sealed class AttachmentStore(Database database)
{
    private const string Columns = """
        a.id, a.ticket_number, a.seq, a.message_id, m.visibility, a.uploader_id, a.file_name, a.content_type, a.size, a.sha256,
        a.storage_name, a.created_at, a.deleted_at, a.deleted_by
        """;

    private const string From = "FROM attachments a JOIN messages m ON m.id = a.message_id";

    /// <summary>Only onto a message that is not deleted.</summary>
    public static SqlStatement Insert(AttachmentRecord a) => new(
        """
        INSERT INTO attachments (id, ticket_number, seq, message_id, uploader_id, file_name, content_type, size, sha256, storage_name, created_at)
        SELECT @Id, @TicketNumber, @Seq, @MessageId, @UploaderId, @FileName, @ContentType, @Size, @Sha256, @StorageName, @CreatedAt
        WHERE EXISTS (SELECT 1 FROM messages WHERE id = @MessageId AND deleted_at IS NULL)
        """,
        new { a.Id, a.TicketNumber, a.Seq, a.MessageId, a.UploaderId, a.FileName, a.ContentType, a.Size, a.Sha256, a.StorageName, a.CreatedAt }, MustAffectRow: true);

    public static SqlStatement MarkDeleted(AttachmentRecord a) => new(
        "UPDATE attachments SET deleted_at = @DeletedAt, deleted_by = @DeletedBy WHERE id = @Id AND deleted_at IS NULL",
        new { a.Id, a.DeletedAt, a.DeletedBy }, MustAffectRow: true);

    public Task<string?> TicketOf(Guid id) => database.ReadAsync(connection =>
        connection.QuerySingleOrDefaultAsync<string?>("SELECT ticket_number FROM attachments WHERE id = @id", new { id }));

    public async Task<AttachmentRecord?> Find(string ticketNumber, Guid id)
    {
        var row = await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<AttachmentRow>(
            $"SELECT {Columns} {From} WHERE a.ticket_number = @ticketNumber AND a.id = @id", new { ticketNumber, id }));
        return row?.ToRecord();
    }

    /// <summary>The attachments of one message that are not deleted yet.</summary>
    public Task<List<AttachmentRecord>> Live(string ticketNumber, Guid messageId) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<AttachmentRow>(
            $"SELECT {Columns} {From} WHERE a.ticket_number = @ticketNumber AND a.message_id = @messageId AND a.deleted_at IS NULL ORDER BY a.seq",
            new { ticketNumber, messageId }))
        .Select(row => row.ToRecord()).ToList());

    /// <summary>Live attachments after <paramref name="afterSeq"/> as <paramref name="viewer"/> may see them, oldest first.</summary>
    public Task<Page<AttachmentView>> Page(string ticketNumber, Actor viewer, AttachmentListQuery query, long afterSeq) => database.ReadAsync(async connection =>
    {
        var filter = $"""
            {From}
            WHERE a.ticket_number = @ticketNumber AND a.deleted_at IS NULL
              {(query.MessageId is null ? "" : "AND a.message_id = @messageId")} {MessageStore.VisibleTo(viewer, "m")}
            """;
        var parameters = new { ticketNumber, afterSeq, messageId = query.MessageId, take = query.Limit + 1 };
        long? total = query.IncludeTotal ? await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) {filter}", parameters) : null;
        var rows = (await connection.QueryAsync<AttachmentRow>($"SELECT {Columns} {filter} AND a.seq > @afterSeq ORDER BY a.seq LIMIT @take", parameters)).ToList();
        return Paging.Cut(rows, query.Limit, row => Cursor.OfSeq(row.Seq), total).Map(row => row.ToRecord().ToView());
    });

    /// <summary>Deleted attachments, deleted at or before <paramref name="cutoff"/>, whose blobs are still stored.</summary>
    public Task<List<StoredBlob>> Unpurged(DateTimeOffset cutoff, int batch) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<StoredBlob>(
            "SELECT id, storage_name FROM attachments WHERE purged_at IS NULL AND deleted_at IS NOT NULL AND deleted_at <= @cutoff ORDER BY deleted_at LIMIT @batch",
            new { cutoff, batch }))
        .ToList());

    public Task MarkPurged(Guid id, DateTimeOffset now) => database.WriteAsync((connection, transaction) =>
        connection.ExecuteAsync("UPDATE attachments SET purged_at = @now WHERE id = @id AND purged_at IS NULL", new { id, now }, transaction));

    /// <summary>Which of <paramref name="storageNames"/> an attachment row (live, deleted or purged) names.</summary>
    public Task<HashSet<string>> Recorded(IReadOnlyCollection<string> storageNames) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<string>(
            $"SELECT storage_name FROM attachments WHERE {database.Dialect.IsAnyOf("storage_name", "@storageNames")}", new { storageNames = storageNames.ToArray() }))
        .ToHashSet(StringComparer.Ordinal));

    internal sealed class StoredBlob
    {
        public Guid Id { get; init; }

        public string StorageName { get; init; } = "";
    }
}
