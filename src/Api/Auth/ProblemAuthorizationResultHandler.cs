using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Auth;

/// <summary>Writes authorization refusals as ProblemDetails: 403 FORBIDDEN saying whether the account or the role is the cause.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var detail = context.User.IsActive()
            ? "Your role does not allow this."
            : "Your account is deactivated.";
        return Problems.Write(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Forbidden", detail);
    }
}
