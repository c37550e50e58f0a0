using System.Security.Claims;
using TicketPlatform.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// The identity this service adds to a caller after JIT sync: the LOCAL user, as claims (<see cref="LocalClaims"/>)
/// and as the user's view itself, so that authorization and commands read the role and id without parsing claims
/// on every request. Only this type counts as the local identity: a token cannot make one.
/// </summary>
public sealed class LocalIdentity : ClaimsIdentity
{
    public LocalIdentity(UserView user)
        : base(
            [
                new Claim(LocalClaims.UserId, user.Id.ToString()),
                new Claim(LocalClaims.Role, EnumText.Of(user.Role)),
                new Claim(LocalClaims.Active, user.Active ? "true" : "false"),
            ],
            LocalClaims.AuthenticationType,
            nameType: "sub",
            roleType: LocalClaims.Role)
    {
        User = user;
        Caller = new Actor(user.Id, user.Role);
    }

    public UserView User { get; }

    /// <summary>The caller as grain commands take it.</summary>
    public Actor Caller { get; }
}
