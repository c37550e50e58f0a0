using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Persistence;

namespace TicketPlatform.Tickets;

/// <summary>Loads a ticket's committed state and commits a <see cref="TicketChange"/> as one fenced transaction.</summary>
internal sealed class TicketStore(Database database, IEnumerable<ICommittedEventsListener> listeners)
{
    internal const string TicketColumns = """
        number, title, description, status, priority, category_id, requester_id, assignee_id,
        priority_locked, category_locked, assignment_locked, archived,
        created_at, updated_at, resolved_at, closed_at, version, last_seq, public_version, public_updated_at
        """;

    public Task<TicketState?> Load(string number) => database.ReadAsync(async connection =>
    {
        var row = await connection.QuerySingleOrDefaultAsync<TicketRow>(
            $"SELECT {TicketColumns} FROM tickets WHERE number = @number", new { number });
        if (row is null)
        {
            return null;
        }

        var participants = await connection.QueryAsync<ParticipantRow>(
            "SELECT user_id, role, can_edit, can_comment, joined_at FROM participants WHERE ticket_number = @number", new { number });
        return row.ToState(participants.Select(p => p.ToParticipant()).ToImmutableDictionary(p => p.UserId));
    });

    /// <summary>
    /// Commits the change if the ticket is still at the version the change was decided on and every staged row
    /// is still as the command saw it. Returns false, having written nothing, when another writer got there first.
    /// </summary>
    public async Task<bool> TryCommit(TicketChange change)
    {
        var committed = await Commit(change);
        if (committed && change.Events.Count > 0)
        {
            foreach (var listener in listeners)
            {
                listener.Committed();
            }
        }

        return committed;
    }

    private async Task<bool> Commit(TicketChange change)
    {
        try
        {
            return await database.WriteAsync((connection, transaction) => Write(connection, transaction, change));
        }
        catch (StaleRowException)
        {
            return false;
        }
    }

    private async Task<bool> Write(DbConnection connection, DbTransaction transaction, TicketChange change)
    {
        var ticket = TicketParameters(change.After);
        if (change.IsCreation)
        {
            try
            {
                await connection.ExecuteAsync(
                    $"INSERT INTO tickets ({TicketColumns}) VALUES (@Number, @Title, @Description, @Status, @Priority, @CategoryId, @RequesterId, @AssigneeId, @PriorityLocked, @CategoryLocked, @AssignmentLocked, @Archived, @CreatedAt, @UpdatedAt, @ResolvedAt, @ClosedAt, @Version, @LastSeq, @PublicVersion, @PublicUpdatedAt)",
                    ticket, transaction);
            }
            catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
            {
                return false;
            }
        }
        else
        {
            var parameters = new DynamicParameters(ticket);
            parameters.Add("ExpectedVersion", change.Before.Version);
            var updated = await connection.ExecuteAsync(
                """
                UPDATE tickets SET title = @Title, description = @Description, status = @Status, priority = @Priority,
                    category_id = @CategoryId, assignee_id = @AssigneeId, priority_locked = @PriorityLocked,
                    category_locked = @CategoryLocked, assignment_locked = @AssignmentLocked, archived = @Archived,
                    updated_at = @UpdatedAt, resolved_at = @ResolvedAt, closed_at = @ClosedAt, version = @Version, last_seq = @LastSeq,
                    public_version = @PublicVersion, public_updated_at = @PublicUpdatedAt
                WHERE number = @Number AND version = @ExpectedVersion
                """,
                parameters, transaction);
            if (updated == 0)
            {
                return false;
            }
        }

        await WriteParticipants(connection, transaction, change);
        foreach (var write in change.StagedWrites)
        {
            if (!await write.Execute(connection, transaction))
            {
                throw new StaleRowException(); // rolls the transaction back
            }
        }

        await EventStore.Append(connection, transaction, change.Events);
        return true;
    }

    /// <summary>A staged write found its row changed by another writer; thrown to roll the commit back.</summary>
    private sealed class StaleRowException : Exception;

    private static async Task WriteParticipants(DbConnection connection, DbTransaction transaction, TicketChange change)
    {
        foreach (var write in change.ParticipantWrites)
        {
            var p = write.Participant;
            var parameters = new { number = change.After.Number, p.UserId, Role = EnumText.Of(p.Role), p.CanEdit, p.CanComment, p.JoinedAt };
            var sql = write.Kind == ParticipantWriteKind.Delete
                ? "DELETE FROM participants WHERE ticket_number = @number AND user_id = @UserId"
                : """
                  INSERT INTO participants (ticket_number, user_id, role, can_edit, can_comment, joined_at)
                  VALUES (@number, @UserId, @Role, @CanEdit, @CanComment, @JoinedAt)
                  ON CONFLICT (ticket_number, user_id) DO UPDATE SET role = excluded.role, can_edit = excluded.can_edit, can_comment = excluded.can_comment
                  """;
            await connection.ExecuteAsync(sql, parameters, transaction);
        }
    }

    private static object TicketParameters(TicketState t) => new
    {
        t.Number,
        t.Title,
        t.Description,
        Status = EnumText.Of(t.Status),
        Priority = (short)t.Priority,
        t.CategoryId,
        t.RequesterId,
        t.AssigneeId,
        t.PriorityLocked,
        t.CategoryLocked,
        t.AssignmentLocked,
        t.Archived,
        t.CreatedAt,
        t.UpdatedAt,
        t.ResolvedAt,
        t.ClosedAt,
        t.Version,
        t.LastSeq,
        t.PublicVersion,
        t.PublicUpdatedAt,
    };

    private sealed class ParticipantRow
    {
        public Guid UserId { get; init; }

        public string Role { get; init; } = "";

        public bool CanEdit { get; init; }

        public bool CanComment { get; init; }

        public DateTimeOffset JoinedAt { get; init; }

        public Participant ToParticipant() => new(UserId, EnumText.Parse<ParticipantRole>(Role), CanEdit, CanComment, JoinedAt);
    }
}

/// <summary>A row of the tickets table.</summary>
internal sealed class TicketRow
{
    public string Number { get; init; } = "";

    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    public string Status { get; init; } = "";

    public short Priority { get; init; }

    public Guid? CategoryId { get; init; }

    public Guid RequesterId { get; init; }

    public Guid? AssigneeId { get; init; }

    public bool PriorityLocked { get; init; }

    public bool CategoryLocked { get; init; }

    public bool AssignmentLocked { get; init; }

    public bool Archived { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int Version { get; init; }

    public long LastSeq { get; init; }

    public int PublicVersion { get; init; }

    public DateTimeOffset? PublicUpdatedAt { get; init; }

    public TicketState ToState(ImmutableDictionary<Guid, Participant> participants) => new(
        Number, Title, Description, EnumText.Parse<TicketStatus>(Status), (TicketPriority)Priority, CategoryId, RequesterId, AssigneeId,
        PriorityLocked, CategoryLocked, AssignmentLocked, Archived, CreatedAt, UpdatedAt, ResolvedAt, ClosedAt, Version, LastSeq, participants,
        PublicVersion, PublicUpdatedAt ?? UpdatedAt);
}
