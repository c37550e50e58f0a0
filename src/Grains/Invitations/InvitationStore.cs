using System.Globalization;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;

namespace TicketPlatform.Invitations;

/// <summary>The invitations table: rows are written only inside a ticket's commit; reads serve lists, lookups and the expiry scan.</summary>
internal sealed class InvitationStore(Database database)
{
    private const string Columns = """
        id, ticket_number, inviter_id, invitee_id, can_edit, can_comment, status, message,
        created_at, expires_at, responded_at, cancel_reason
        """;

    private static readonly string Pending = EnumText.Of(InvitationStatus.Pending);

    /// <summary>The invitation row as it stands after a ticket's commit; staged into that commit.</summary>
    public static SqlStatement Upsert(InvitationView i) => new(
        $"""
        INSERT INTO invitations ({Columns})
        VALUES (@Id, @TicketNumber, @InviterId, @InviteeId, @CanEdit, @CanComment, @Status, @Message, @CreatedAt, @ExpiresAt, @RespondedAt, @CancelReason)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, responded_at = excluded.responded_at, cancel_reason = excluded.cancel_reason
        """,
        new
        {
            i.Id,
            i.TicketNumber,
            i.InviterId,
            i.InviteeId,
            i.CanEdit,
            i.CanComment,
            Status = EnumText.Of(i.Status),
            i.Message,
            i.CreatedAt,
            i.ExpiresAt,
            i.RespondedAt,
            i.CancelReason,
        });

    public Task<InvitationView[]> PendingOf(string ticketNumber) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<InvitationRow>(
            $"SELECT {Columns} FROM invitations WHERE ticket_number = @ticketNumber AND status = @Pending",
            new { ticketNumber, Pending })).Select(row => row.ToView()).ToArray());

    public Task<InvitationView?> Find(Guid id) => database.ReadAsync(async connection =>
        (await connection.QuerySingleOrDefaultAsync<InvitationRow>($"SELECT {Columns} FROM invitations WHERE id = @id", new { id }))?.ToView());

    public Task<string?> TicketOf(Guid id) => database.ReadAsync(connection =>
        connection.QuerySingleOrDefaultAsync<string?>("SELECT ticket_number FROM invitations WHERE id = @id", new { id }));

    /// <summary>Tickets holding a PENDING invitation past its deadline, optionally only those addressed to <paramref name="inviteeId"/>.</summary>
    public Task<string[]> TicketsWithDue(DateTimeOffset now, int take, Guid? inviteeId = null) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<string>(
            $"""
            SELECT DISTINCT ticket_number FROM invitations
            WHERE status = @Pending AND expires_at <= @now {(inviteeId is null ? "" : "AND invitee_id = @inviteeId")}
            LIMIT @take
            """,
            new { Pending, now, inviteeId, take })).ToArray());

    /// <summary>A page of one ticket's invitations, newest first.</summary>
    public Task<Page<InvitationView>> ListOfTicket(string ticketNumber, InvitationListQuery query, (DateTimeOffset CreatedAt, Guid Id)? after) =>
        List("ticket_number", ticketNumber, query, after);

    /// <summary>A page of the invitations addressed to one user, newest first.</summary>
    public Task<Page<InvitationView>> ListOfInvitee(Guid inviteeId, InvitationListQuery query, (DateTimeOffset CreatedAt, Guid Id)? after) =>
        List("invitee_id", inviteeId, query, after);

    private Task<Page<InvitationView>> List(string scope, object scopeValue, InvitationListQuery query, (DateTimeOffset CreatedAt, Guid Id)? after) =>
        database.ReadAsync(async connection =>
        {
            var parameters = new DynamicParameters();
            parameters.Add("scope", scopeValue);
            var where = $"{scope} = @scope";
            if (query.Status is { } status)
            {
                parameters.Add("status", EnumText.Of(status));
                where += " AND status = @status";
            }

            long? total = query.IncludeTotal
                ? await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM invitations WHERE {where}", parameters)
                : null;
            if (after is { } key)
            {
                parameters.Add("afterCreated", key.CreatedAt);
                parameters.Add("afterId", key.Id);
                where += " AND (created_at < @afterCreated OR (created_at = @afterCreated AND id < @afterId))";
            }

            parameters.Add("take", query.Limit + 1);
            var rows = (await connection.QueryAsync<InvitationRow>(
                $"SELECT {Columns} FROM invitations WHERE {where} ORDER BY created_at DESC, id DESC LIMIT @take", parameters)).ToList();
            return Paging.Cut(rows.Select(row => row.ToView()).ToList(), query.Limit, last => Cursor.OfCreation(last.CreatedAt, last.Id), total);
        });


    private sealed class InvitationRow
    {
        public Guid Id { get; init; }

        public string TicketNumber { get; init; } = "";

        public Guid InviterId { get; init; }

        public Guid InviteeId { get; init; }

        public bool CanEdit { get; init; }

        public bool CanComment { get; init; }

        public string Status { get; init; } = "";

        public string? Message { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }

        public DateTimeOffset? RespondedAt { get; init; }

        public string? CancelReason { get; init; }

        public InvitationView ToView() => new(
            Id, TicketNumber, InviterId, InviteeId, CanEdit, CanComment, EnumText.Parse<InvitationStatus>(Status), Message,
            CreatedAt, ExpiresAt, RespondedAt, CancelReason);
    }
}
