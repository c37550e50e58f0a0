namespace TicketPlatform.Users;

/// <summary>A row of the users table, as the user's grain holds it.</summary>
internal sealed record UserRecord(
    Guid Id,
    string Subject,
    string? Email,
    string? Name,
    bool NameSetByUser,
    UserRole Role,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public UserView ToView() => new(Id, Subject, Email, Name, Role, Active, CreatedAt);
}
