using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// A remembered token's identity, shared by every request that presents the token (<see cref="RememberedTokenHandler"/>):
/// its claims cannot be added or removed, so no request changes what another one sees, and no request pays for a copy.
/// Case-sensitive claim types, as the token handler's own identities have.
/// </summary>
internal sealed class ReadOnlyClaimsIdentity(ClaimsIdentity accepted) : CaseSensitiveClaimsIdentity(accepted)
{
    private const string Refusal = "A remembered token's identity is shared by the requests that present the token and cannot be changed.";

    public override void AddClaim(Claim claim) => throw new NotSupportedException(Refusal);

    public override void AddClaims(IEnumerable<Claim?> claims) => throw new NotSupportedException(Refusal);

    public override void RemoveClaim(Claim? claim) => throw new NotSupportedException(Refusal);

    public override bool TryRemoveClaim(Claim? claim) => throw new NotSupportedException(Refusal);
}
