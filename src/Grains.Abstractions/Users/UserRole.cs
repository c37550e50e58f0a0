namespace TicketPlatform.Users;

/// <summary>The local internal role. The JWT's role claim only seeds it once, at creation.</summary>
public enum UserRole
{
    User,
    Agent,
    Admin,
}
