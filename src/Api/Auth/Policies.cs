namespace TicketPlatform.Api.Auth;

/// <summary>
/// Authorization policies. Every one requires a valid token AND an active local user; the role policies
/// read the local internal role.
/// </summary>
public static class Policies
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";
}
