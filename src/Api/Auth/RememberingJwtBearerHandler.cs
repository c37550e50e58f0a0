using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// The bearer scheme's handler, with a short way for a token <see cref="RememberedTokenHandler"/> accepted before:
/// the caller is made from the remembered identity and the local one (<see cref="JitUserSync"/>, as the standard way's
/// <c>OnTokenValidated</c> does), skipping what the standard way sets up on every request before it asks the token
/// handler (a copy of the validation parameters, the events' contexts, the ticket's dates). A token not remembered, or
/// any request to the hub (whose token may come in the query string), takes the standard way.
/// </summary>
internal sealed class RememberingJwtBearerHandler(
    IOptionsMonitor<JwtBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder, RememberedTokenHandler tokens)
    : JwtBearerHandler(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HubAccessToken.IsHubRequest(Request) && HeaderToken() is { } token && await tokens.RecallAsync(token, Options) is { } identity)
        {
            var principal = new ClaimsPrincipal(identity);
            return await JitUserSync.AttachLocalIdentity(Context, principal) is { } failure
                ? AuthenticateResult.Fail(failure)
                : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }

        return await base.HandleAuthenticateAsync();
    }

    /// <summary>The token of the <c>Authorization</c> header, read as the standard way reads it.</summary>
    private string? HeaderToken()
    {
        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization[BearerPrefix.Length..].Trim() is { Length: > 0 } token
            ? token
            : null;
    }
}
