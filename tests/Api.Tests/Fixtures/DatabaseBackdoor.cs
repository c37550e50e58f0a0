using Dapper;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>
/// Direct writes to the database under test, for states no endpoint of this build can reach yet. A write to a
/// ticket row bumps its version, so the ticket's grain meets the fence on its next command and reloads.
/// </summary>
public static class DatabaseBackdoor
{
    /// <summary>Creates a user row with <paramref name="role"/> before the user's first request, so JIT sync finds it.</summary>
    public static Task AddUser(this TestDatabase database, string subject, string role) => database.Execute(
        """
        INSERT INTO users (id, subject, email, name, name_set_by_user, role, active, created_at, updated_at)
        VALUES (@id, @subject, NULL, NULL, @nameSet, @role, @active, @now, @now)
        """,
        new { id = Guid.NewGuid(), subject, role, nameSet = false, active = true, now = DateTimeOffset.UtcNow });

    public static Task Archive(this TestDatabase database, string number) =>
        database.Execute("UPDATE tickets SET archived = @archived, version = version + 1 WHERE number = @number", new { number, archived = true });

    public static async Task AddParticipant(this TestDatabase database, string number, Guid userId, bool canEdit, bool canComment)
    {
        await database.Execute(
            "INSERT INTO participants (ticket_number, user_id, role, can_edit, can_comment, joined_at) VALUES (@number, @userId, 'PARTICIPANT', @canEdit, @canComment, @joinedAt)",
            new { number, userId, canEdit, canComment, joinedAt = DateTimeOffset.UtcNow });
        await database.Execute("UPDATE tickets SET version = version + 1 WHERE number = @number", new { number });
    }

    public static async Task Execute(this TestDatabase database, string sql, object? parameters = null)
    {
        await using var dialect = database.Dialect();
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
