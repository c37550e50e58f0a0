using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Persistence;
using TicketPlatform.Sla.Tickets;

namespace TicketPlatform.Tickets;

/// <summary>Loads a ticket's committed state and commits a <see cref="TicketChange"/> as one fenced transaction.</summary>
internal sealed class TicketStore(Database database, IEnumerable<ICommittedEventsListener> listeners)
{
    internal const string TicketColumns = """
        number, title, description, status, priority, category_id, requester_id, assignee_id,
        priority_locked, category_locked, assignment_locked, archived,
        created_at, updated_at, resolved_at, closed_at, version, last_seq, public_version, public_updated_at,
        sla, sla_due_at, sla_state
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
    /// Commits <paramref name="changes"/> (consecutive changes, each decided on the state the previous one left) as ONE
    /// transaction, sent as one batch, if the ticket is still at the version the first was decided on and every staged
    /// row is still as its command saw it. Returns false, having written nothing, when another writer got there first.
    /// </summary>
    public async Task<bool> TryCommit(IReadOnlyList<TicketChange> changes)
    {
        var committed = await Commit(changes);
        if (committed && changes.Any(change => change.Events.Count > 0))
        {
            foreach (var listener in listeners)
            {
                listener.Committed();
            }
        }

        return committed;
    }

    private async Task<bool> Commit(IReadOnlyList<TicketChange> changes)
    {
        try
        {
            return await database.WriteAsync(async (connection, transaction) =>
            {
                try
                {
                    return await SqlBatch.ExecuteAsync(connection, transaction, [.. Statements(changes)]) ? true : throw new StaleRowException();
                }
                catch (DbException e) when (changes[0].IsCreation && database.Dialect.IsUniqueViolation(e))
                {
                    throw new StaleRowException();
                }
            });
        }
        catch (StaleRowException)
        {
            return false;
        }
    }

    /// <summary>A fenced or staged statement found its row changed by another writer; thrown to roll the commit back.</summary>
    private sealed class StaleRowException : Exception;

    /// <summary>The ticket row (inserted, or updated under the version fence), then each change's rows in order, then the events.</summary>
    private static IEnumerable<SqlStatement> Statements(IReadOnlyList<TicketChange> changes)
    {
        var (first, last) = (changes[0], changes[^1]);
        yield return first.IsCreation
            ? new SqlStatement(
                $"INSERT INTO tickets ({TicketColumns}) VALUES (@Number, @Title, @Description, @Status, @Priority, @CategoryId, @RequesterId, @AssigneeId, @PriorityLocked, @CategoryLocked, @AssignmentLocked, @Archived, @CreatedAt, @UpdatedAt, @ResolvedAt, @ClosedAt, @Version, @LastSeq, @PublicVersion, @PublicUpdatedAt, @Sla, @SlaDueAt, @SlaState)",
                TicketParameters(last.After, expectedVersion: 0))
            : Update(first.Before, last.After);

        foreach (var change in changes)
        {
            foreach (var write in change.ParticipantWrites)
            {
                yield return ParticipantStatement(change.After.Number, write);
            }

            foreach (var staged in change.StagedWrites)
            {
                yield return staged;
            }
        }

        foreach (var statement in EventStore.Append([.. changes.SelectMany(change => change.Events)]))
        {
            yield return statement;
        }
    }

    private static SqlStatement ParticipantStatement(string number, ParticipantWrite write)
    {
        var p = write.Participant;
        return new SqlStatement(
            write.Kind == ParticipantWriteKind.Delete
                ? "DELETE FROM participants WHERE ticket_number = @Number AND user_id = @UserId"
                : """
                  INSERT INTO participants (ticket_number, user_id, role, can_edit, can_comment, joined_at)
                  VALUES (@Number, @UserId, @Role, @CanEdit, @CanComment, @JoinedAt)
                  ON CONFLICT (ticket_number, user_id) DO UPDATE SET role = excluded.role, can_edit = excluded.can_edit, can_comment = excluded.can_comment
                  """,
            new { Number = number, p.UserId, Role = EnumText.Of(p.Role), p.CanEdit, p.CanComment, p.JoinedAt });
    }

    /// <summary>
    /// The ticket row's update under the version fence, setting only the columns whose value changed: under the fence the
    /// row holds <paramref name="before"/>, so the others are already right, and each column set costs the database the
    /// upkeep of every index and trigger on it, value changed or not (a posted message changes 5 of the 20 columns).
    /// </summary>
    private static SqlStatement Update(TicketState before, TicketState after) => new(
        $"UPDATE tickets SET {string.Join(", ", Changeable.Where(column => !Equals(column.Value(before), column.Value(after))).Select(column => column.Set))} "
            + "WHERE number = @Number AND version = @ExpectedVersion",
        TicketParameters(after, before.Version),
        MustAffectRow: true);

    /// <summary>
    /// The columns a commit may change, each with the state it is written from (the version always changes). The SLA
    /// clocks are immutable and replaced only when they change, so the instance tells.
    /// </summary>
    private static readonly (string Set, Func<TicketState, object?> Value)[] Changeable =
    [
        ("title = @Title", t => t.Title),
        ("description = @Description", t => t.Description),
        ("status = @Status", t => t.Status),
        ("priority = @Priority", t => t.Priority),
        ("category_id = @CategoryId", t => t.CategoryId),
        ("assignee_id = @AssigneeId", t => t.AssigneeId),
        ("priority_locked = @PriorityLocked", t => t.PriorityLocked),
        ("category_locked = @CategoryLocked", t => t.CategoryLocked),
        ("assignment_locked = @AssignmentLocked", t => t.AssignmentLocked),
        ("archived = @Archived", t => t.Archived),
        ("updated_at = @UpdatedAt", t => t.UpdatedAt),
        ("resolved_at = @ResolvedAt", t => t.ResolvedAt),
        ("closed_at = @ClosedAt", t => t.ClosedAt),
        ("version = @Version", t => t.Version),
        ("last_seq = @LastSeq", t => t.LastSeq),
        ("public_version = @PublicVersion", t => t.PublicVersion),
        ("public_updated_at = @PublicUpdatedAt", t => t.PublicUpdatedAt),
        ("sla = @Sla, sla_due_at = @SlaDueAt, sla_state = @SlaState", t => t.Sla),
    ];

    private static object TicketParameters(TicketState t, int expectedVersion) => new
    {
        ExpectedVersion = expectedVersion,
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
        Sla = SlaColumns.Json(t.Sla),
        SlaDueAt = SlaColumns.SortKey(t.Sla),
        SlaState = SlaColumns.State(t.Sla),
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

    /// <summary>The ticket's SLA clocks as JSON; null for a ticket opened before they existed.</summary>
    public string? Sla { get; init; }

    public TicketState ToState(ImmutableDictionary<Guid, Participant> participants) => new(
        Number, Title, Description, EnumText.Parse<TicketStatus>(Status), (TicketPriority)Priority, CategoryId, RequesterId, AssigneeId,
        PriorityLocked, CategoryLocked, AssignmentLocked, Archived, CreatedAt, UpdatedAt, ResolvedAt, ClosedAt, Version, LastSeq, participants,
        PublicVersion, PublicUpdatedAt ?? UpdatedAt)
    {
        Sla = SlaColumns.Parse(Sla),
    };
}
