using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;
using TicketPlatform.Idempotency;

namespace TicketPlatform.Users;

internal sealed class UserStore(Database database, IdempotencyStore idempotency)
{
    // Any constant works; every transaction that may take away an active ADMIN passes it.
    private const long ActiveAdminsLockKey = 0x61646d696e73;

    public Task<UserRecord?> FindBySubject(string subject) => database.ReadAsync(async connection =>
        (await connection.QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserRow.Columns} FROM users WHERE subject = @subject", new { subject }))?.ToRecord());

    public Task<UserRecord?> FindById(Guid id) => database.ReadAsync(async connection =>
        (await connection.QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserRow.Columns} FROM users WHERE id = @id", new { id }))?.ToRecord());

    /// <summary>Inserts the user unless a row for the subject exists already; returns whether it inserted.</summary>
    public Task<bool> TryInsert(UserRecord user) => database.WriteAsync(async (connection, transaction) =>
        await connection.ExecuteAsync(
            $"""
            INSERT INTO users ({UserRow.Columns}) VALUES (@Id, @Subject, @Email, @Name, @NameSetByUser, @Role, @Active, @CreatedAt, @UpdatedAt)
            ON CONFLICT (subject) DO NOTHING
            """,
            Parameters(user), transaction) == 1);

    /// <summary>Writes what JIT sync and the user themselves may change: email and name, never role or active flag.</summary>
    public Task UpdateProfile(UserRecord user) => database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
        "UPDATE users SET email = @Email, name = @Name, name_set_by_user = @NameSetByUser, updated_at = @UpdatedAt WHERE id = @Id",
        Parameters(user), transaction));

    /// <summary>
    /// Writes the role and active flag unless that would leave no active ADMIN; returns false, having written nothing,
    /// when it would. The check reads the committed rows, not the caller's memory, under a lock every such change takes.
    /// </summary>
    public Task<bool> TryChangeAccess(UserRecord user) => idempotency.WriteEffectAsync(async (connection, transaction) =>
    {
        await database.Dialect.SerializeAsync(connection, transaction, ActiveAdminsLockKey);
        var parameters = new
        {
            user.Id,
            Role = EnumText.Of(user.Role),
            user.Active,
            user.UpdatedAt,
            StaysActiveAdmin = user.Role == UserRole.Admin && user.Active,
            Admin = EnumText.Of(UserRole.Admin),
            Yes = true,
        };
        return await connection.ExecuteAsync(
            """
            UPDATE users SET role = @Role, active = @Active, updated_at = @UpdatedAt
            WHERE id = @Id
              AND (@StaysActiveAdmin = @Yes
                   OR NOT (role = @Admin AND active = @Yes)
                   OR EXISTS (SELECT 1 FROM users other WHERE other.id <> @Id AND other.role = @Admin AND other.active = @Yes))
            """,
            parameters, transaction) == 1;
    }, changed => changed);

    private static object Parameters(UserRecord u) => new
    {
        u.Id,
        u.Subject,
        u.Email,
        u.Name,
        u.NameSetByUser,
        Role = EnumText.Of(u.Role),
        u.Active,
        u.CreatedAt,
        u.UpdatedAt,
    };
}
