using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;

namespace TicketPlatform.Users;

internal sealed class UserStore(Database database)
{
    private const string Columns = "id, subject, email, name, name_set_by_user, role, active, created_at, updated_at";

    public Task<UserRecord?> FindBySubject(string subject) => database.ReadAsync(async connection =>
        (await connection.QuerySingleOrDefaultAsync<UserRow>($"SELECT {Columns} FROM users WHERE subject = @subject", new { subject }))?.ToRecord());

    /// <summary>Inserts the user unless a row for the subject exists already; returns whether it inserted.</summary>
    public Task<bool> TryInsert(UserRecord user) => database.WriteAsync(async (connection, transaction) =>
        await connection.ExecuteAsync(
            $"""
            INSERT INTO users ({Columns}) VALUES (@Id, @Subject, @Email, @Name, @NameSetByUser, @Role, @Active, @CreatedAt, @UpdatedAt)
            ON CONFLICT (subject) DO NOTHING
            """,
            Parameters(user), transaction) == 1);

    public Task Update(UserRecord user) => database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
        """
        UPDATE users SET email = @Email, name = @Name, name_set_by_user = @NameSetByUser, role = @Role, active = @Active, updated_at = @UpdatedAt
        WHERE id = @Id
        """,
        Parameters(user), transaction));

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

    private sealed class UserRow
    {
        public Guid Id { get; init; }

        public string Subject { get; init; } = "";

        public string? Email { get; init; }

        public string? Name { get; init; }

        public bool NameSetByUser { get; init; }

        public string Role { get; init; } = "";

        public bool Active { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public UserRecord ToRecord() => new(Id, Subject, Email, Name, NameSetByUser, EnumText.Parse<UserRole>(Role), Active, CreatedAt, UpdatedAt);
    }
}
