namespace TicketPlatform.Users;

/// <summary>The <c>reason</c> of a user change refused with 409 CONFLICT.</summary>
public static class UserReasons
{
    public const string Self = "SELF";
    public const string LastAdmin = "LAST_ADMIN";
}
