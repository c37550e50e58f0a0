using System.Security.Claims;
using TicketPlatform.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// Claims the Api adds after JIT sync: the LOCAL user id, internal role and active flag. Authorization reads
/// only these; the JWT's own role claim never authorises anything.
/// </summary>
public static class LocalClaims
{
    public const string UserId = "tp:uid";
    public const string Role = "tp:role";
    public const string Active = "tp:active";
    public const string AuthenticationType = "TicketPlatform";

    public static ClaimsIdentity IdentityFor(UserView user) => new(
        [
            new Claim(UserId, user.Id.ToString()),
            new Claim(Role, EnumText.Of(user.Role)),
            new Claim(Active, user.Active ? "true" : "false"),
        ],
        AuthenticationType,
        nameType: "sub",
        roleType: Role);

    /// <summary>The role claim type of the JWT's own identity, so that its <c>role</c> claim is no role; authorization does not rely on it (see <see cref="HasLocalRole"/>).</summary>
    public const string IgnoredJwtRole = "urn:ticketplatform:jwt-role-is-not-used";

    public static bool IsActive(this ClaimsPrincipal principal) => Local(principal)?.HasClaim(Active, "true") == true;

    /// <summary>
    /// Whether the local role is one of <paramref name="roles"/>. Role policies use this, never
    /// <see cref="ClaimsPrincipal.IsInRole"/>, which asks every identity of the principal, the token's included.
    /// </summary>
    public static bool HasLocalRole(this ClaimsPrincipal principal, params UserRole[] roles) =>
        Local(principal)?.FindFirst(Role)?.Value is { } role && roles.Any(allowed => EnumText.Of(allowed) == role);

    /// <summary>The caller as grain commands take it.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var local = Local(principal) ?? throw new InvalidOperationException("The caller has not been synced.");
        return new Actor(Guid.Parse(local.FindFirst(UserId)!.Value), EnumText.Parse<UserRole>(local.FindFirst(Role)!.Value));
    }

    /// <summary>The local user id, or null for a caller not (yet) synced.</summary>
    public static string? LocalUserId(this ClaimsPrincipal principal) => Local(principal)?.FindFirst(UserId)?.Value;

    // Only the identity this service added counts: a token cannot smuggle in "tp:" claims of its own.
    private static ClaimsIdentity? Local(ClaimsPrincipal principal) =>
        principal.Identities.FirstOrDefault(identity => identity.AuthenticationType == AuthenticationType);
}
