namespace TicketPlatform.Users;

/// <summary>A page of users, oldest first. <see cref="Text"/> matches name or email, case-insensitively.</summary>
[GenerateSerializer, Immutable, Alias("tp.UserListQuery")]
public sealed record UserListQuery(
    [property: Id(0)] UserRole? Role = null,
    [property: Id(1)] bool? Active = null,
    [property: Id(2)] string? Text = null,
    [property: Id(3)] bool StaffOnly = false,
    [property: Id(4)] int Limit = 20,
    [property: Id(5)] string? Cursor = null,
    [property: Id(6)] bool IncludeTotal = false)
{
    /// <summary>The shortest <see cref="Text"/> a search by a non-ADMIN may use.</summary>
    public const int MinSearchLength = 2;
}
