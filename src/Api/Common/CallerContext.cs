using System.Security.Claims;
using TicketPlatform.Api.Auth;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Common;

/// <summary>What every endpoint needs: the caller and the grains, bound with <c>[AsParameters]</c>.</summary>
public readonly record struct CallerContext(ClaimsPrincipal User, IGrainFactory Grains)
{
    public Actor Actor => User.ToActor();

    /// <summary>The external subject: the key of the caller's user grain.</summary>
    public string Subject => User.FindFirst("sub")!.Value;
}
