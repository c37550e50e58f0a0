using TicketPlatform.Common;

namespace TicketPlatform.Users;

/// <summary>A users row as Dapper reads it.</summary>
internal sealed class UserRow
{
    public const string Columns = "id, subject, email, name, name_set_by_user, role, active, created_at, updated_at";

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
