using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Options;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// ASP.NET Core's authentication middleware with a short way in front of it for a bearer token that
/// <see cref="RememberedTokenHandler"/> accepted before. The caller is made from the remembered identity (shared,
/// read-only) and the local one (<see cref="JitUserSync"/>, as the scheme's <c>OnTokenValidated</c> does) and set as the middleware
/// sets it, without what the standard way does on every request before it reaches the token handler: resolving the
/// authentication service, creating and initialising the scheme's handler, copying the validation parameters,
/// the events' contexts. Anything else takes the standard way, which decides as it always did: no bearer header, a
/// token not remembered or no longer good, a caller whose local identity cannot be attached, and every request to the
/// hub (whose token, when the query string carries one, wins over the header).
/// </summary>
internal sealed class RememberedBearerAuthentication(
    RequestDelegate next, IAuthenticationSchemeProvider schemes, RememberedTokenHandler tokens, IOptionsMonitor<JwtBearerOptions> bearer)
{
    private const string Scheme = JwtBearerDefaults.AuthenticationScheme;
    private const string BearerPrefix = "Bearer ";

    private readonly AuthenticationMiddleware _standard = new(next, schemes);

    public async Task Invoke(HttpContext context)
    {
        if (await RememberedCaller(context) is { } caller)
        {
            context.User = caller;
            var features = new AuthenticatedFeatures(AuthenticateResult.Success(new AuthenticationTicket(caller, Scheme)));
            context.Features.Set<IHttpAuthenticationFeature>(features);
            context.Features.Set<IAuthenticateResultFeature>(features);
            await next(context);
        }
        else
        {
            await _standard.Invoke(context);
        }
    }

    private async ValueTask<ClaimsPrincipal?> RememberedCaller(HttpContext context)
    {
        if (HubAccessToken.IsHubRequest(context.Request) || HeaderToken(context.Request) is not { } token
            || await tokens.RecallAsync(token, bearer.Get(Scheme)) is not { } identity)
        {
            return null;
        }

        var caller = new ClaimsPrincipal(identity);
        return await JitUserSync.AttachLocalIdentity(context, caller) is null ? caller : null;
    }

    /// <summary>The token of the <c>Authorization</c> header, read as the bearer handler reads it.</summary>
    private static string? HeaderToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization[BearerPrefix.Length..].Trim() is { Length: > 0 } token
            ? token
            : null;
    }

    /// <summary>What the authentication middleware leaves on a request it authenticated: its result, and the caller it named.</summary>
    private sealed class AuthenticatedFeatures(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        private AuthenticateResult? _result = result;
        private ClaimsPrincipal? _user = result.Principal;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set
            {
                _result = value;
                _user = value?.Principal;
            }
        }

        public ClaimsPrincipal? User
        {
            get => _user;
            set
            {
                _user = value;
                _result = null;
            }
        }
    }
}

public static class AuthenticationSetup
{
    /// <summary>
    /// The mark <c>UseAuthentication</c> leaves on the builder. A web application without it adds the authentication
    /// middleware itself, at the start of the pipeline, where it would authenticate every request before the short way.
    /// </summary>
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    /// <summary>In place of <c>UseAuthentication</c>: the same middleware, behind the short way for remembered tokens.</summary>
    public static IApplicationBuilder UseTicketPlatformAuthentication(this IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSet] = true;
        return app.UseMiddleware<RememberedBearerAuthentication>();
    }
}
