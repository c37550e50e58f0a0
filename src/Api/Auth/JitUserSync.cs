using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using TicketPlatform.Api.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// After a token is validated: creates or syncs the local user through its grain, or takes it from
/// <see cref="LocalIdentityCache"/> when the token says nothing new about the user, and attaches the local identity
/// that authorization reads.
/// </summary>
internal static class JitUserSync
{
    public const int MaxSubjectLength = 255;

    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        if (await AttachLocalIdentity(context.HttpContext, context.Principal!) is { } failure)
        {
            context.Fail(failure);
        }
    }

    /// <summary>Adds the caller's <see cref="LocalIdentity"/> to <paramref name="principal"/>; the reason it cannot, or null.</summary>
    public static async ValueTask<string?> AttachLocalIdentity(HttpContext http, ClaimsPrincipal principal)
    {
        var services = http.RequestServices;
        var claims = TokenClaims.Of(principal, services.GetRequiredService<AuthOptions>().RoleClaim);
        if (claims.Subject is not { } subject || string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            return "The token has no usable subject.";
        }

        var identity = new TokenIdentity(subject, Truncate(claims.Email, 320), Truncate(claims.Name, 200), claims.Role);
        var cache = services.GetRequiredService<LocalIdentityCache>();
        if (!cache.TryGet(subject, identity, out var local))
        {
            var epoch = cache.Epoch;
            local = new LocalIdentity(await services.GetRequiredService<GrainReferences>().GetGrain<IUserGrain>(subject).SyncFromToken(identity));
            cache.Store(subject, identity, local, epoch);
        }

        principal.AddIdentity(local);
        return null;
    }

    /// <summary>The first value of each claim the sync reads, found in one pass over the token's claims (the claim types are case-sensitive, as the token's identity treats them).</summary>
    private readonly record struct TokenClaims(string? Subject, string? Email, string? Name, string? Role)
    {
        public static TokenClaims Of(ClaimsPrincipal principal, string roleClaim)
        {
            string? subject = null, email = null, name = null, role = null;
            foreach (var claim in principal.Claims)
            {
                switch (claim.Type)
                {
                    case JwtRegisteredClaimNames.Sub:
                        subject ??= claim.Value;
                        break;
                    case JwtRegisteredClaimNames.Email:
                        email ??= claim.Value;
                        break;
                    case JwtRegisteredClaimNames.Name:
                        name ??= claim.Value;
                        break;
                }

                if (claim.Type == roleClaim)
                {
                    role ??= claim.Value;
                }
            }

            return new TokenClaims(subject, email, name, role);
        }
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } ? value[..Math.Min(value.Length, max)] : null;
}
