using System.Security.Claims;
using TicketPlatform.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// The identity this service adds to a caller after JIT sync: the LOCAL user, as claims (<see cref="LocalClaims"/>)
/// and as the user's view itself, so that authorization and commands read the role and id without parsing claims
/// on every request. Only this type counts as the local identity: a token cannot make one. Made once per answer of
/// the user's grain and shared by the caller's requests while <see cref="LocalIdentityCache"/> keeps it, so read-only.
/// </summary>
public sealed class LocalIdentity : ReadOnlyClaimsIdentity
{
    public LocalIdentity(UserView user)
        : this(user, user.Id.ToString())
    {
    }

    private LocalIdentity(UserView user, string userId)
        : base(
            [
                new Claim(LocalClaims.UserId, userId),
                new Claim(LocalClaims.Role, EnumText.Of(user.Role)),
                new Claim(LocalClaims.Active, user.Active ? "true" : "false"),
            ],
            LocalClaims.AuthenticationType,
            nameType: "sub",
            roleType: LocalClaims.Role)
    {
        User = user;
        UserId = userId;
        Caller = new Actor(user.Id, user.Role);
    }

    public UserView User { get; }

    /// <summary>The local user id as text (the value of its claim).</summary>
    public string UserId { get; }

    /// <summary>The caller as grain commands take it.</summary>
    public Actor Caller { get; }
}
