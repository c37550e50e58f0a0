using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// An identity shared by many requests, so that none pays for a copy: a remembered token's (<see cref="RememberedTokenHandler"/>)
/// and a cached caller's local one (<see cref="LocalIdentity"/>). Its claims cannot be added or removed, so no request
/// changes what another one sees. Case-sensitive claim types, as the token handler's own identities have.
/// </summary>
public class ReadOnlyClaimsIdentity : CaseSensitiveClaimsIdentity
{
    private const string Refusal = "This identity is shared by several requests and cannot be changed.";

    internal ReadOnlyClaimsIdentity(ClaimsIdentity accepted)
        : base(accepted)
    {
    }

    protected ReadOnlyClaimsIdentity(IEnumerable<Claim> claims, string authenticationType, string nameType, string roleType)
        : base(claims, authenticationType, nameType, roleType)
    {
    }

    public sealed override void AddClaim(Claim claim) => throw new NotSupportedException(Refusal);

    public sealed override void AddClaims(IEnumerable<Claim?> claims) => throw new NotSupportedException(Refusal);

    public sealed override void RemoveClaim(Claim? claim) => throw new NotSupportedException(Refusal);

    public sealed override bool TryRemoveClaim(Claim? claim) => throw new NotSupportedException(Refusal);
}
