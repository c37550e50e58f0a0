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
        var subject = principal.FindFirstValue(JwtRegisteredClaimNames.Sub);
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            return "The token has no usable subject.";
        }

        var services = http.RequestServices;
        var options = services.GetRequiredService<AuthOptions>();
        var identity = new TokenIdentity(
            subject,
            Truncate(principal.FindFirstValue(JwtRegisteredClaimNames.Email), 320),
            Truncate(principal.FindFirstValue(JwtRegisteredClaimNames.Name), 200),
            principal.FindFirstValue(options.RoleClaim));
        var cache = services.GetRequiredService<LocalIdentityCache>();
        if (!cache.TryGet(subject, identity, out var user))
        {
            var epoch = cache.Epoch;
            user = await services.GetRequiredService<GrainReferences>().GetGrain<IUserGrain>(subject).SyncFromToken(identity);
            cache.Store(subject, identity, user, epoch);
        }

        principal.AddIdentity(new LocalIdentity(user));
        return null;
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } ? value[..Math.Min(value.Length, max)] : null;
}
