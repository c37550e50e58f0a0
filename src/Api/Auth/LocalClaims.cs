using System.Security.Claims;
using TicketPlatform.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// Claims the Api adds after JIT sync (on a <see cref="LocalIdentity"/>): the LOCAL user id, internal role and active
/// flag. Authorization reads only the local identity; the JWT's own role claim never authorises anything.
/// </summary>
public static class LocalClaims
{
    public const string UserId = "tp:uid";
    public const string Role = "tp:role";
    public const string Active = "tp:active";
    public const string AuthenticationType = "TicketPlatform";

    /// <summary>The role claim type of the JWT's own identity, so that its <c>role</c> claim is no role; authorization does not rely on it (see <see cref="HasLocalRole"/>).</summary>
    public const string IgnoredJwtRole = "urn:ticketplatform:jwt-role-is-not-used";

    public static bool IsActive(this ClaimsPrincipal principal) => Local(principal)?.User.Active == true;

    /// <summary>
    /// Whether the local role is one of <paramref name="roles"/>. Role policies use this, never
    /// <see cref="ClaimsPrincipal.IsInRole"/>, which asks every identity of the principal, the token's included.
    /// </summary>
    public static bool HasLocalRole(this ClaimsPrincipal principal, params UserRole[] roles) =>
        Local(principal) is { } local && Array.IndexOf(roles, local.User.Role) >= 0;

    /// <summary>The caller as grain commands take it.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) =>
        (Local(principal) ?? throw new InvalidOperationException("The caller has not been synced.")).Caller;

    /// <summary>The local user id, or null for a caller not (yet) synced.</summary>
    public static string? LocalUserId(this ClaimsPrincipal principal) => Local(principal)?.UserId;

    // Only the identity this service added counts: a token's "tp:" claims of its own are on another identity.
    private static LocalIdentity? Local(ClaimsPrincipal principal)
    {
        foreach (var identity in principal.Identities)
        {
            if (identity is LocalIdentity local)
            {
                return local;
            }
        }

        return null;
    }
}
