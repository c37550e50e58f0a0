namespace TicketPlatform.Users;

/// <summary>Bound from <c>TicketPlatform:Users</c>.</summary>
public sealed class UserOptions
{
    public const string Section = "TicketPlatform:Users";

    /// <summary>Subjects whose local role is seeded as ADMIN when they are first seen.</summary>
    public string[] BootstrapAdmins { get; set; } = [];
}
