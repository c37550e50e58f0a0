using System.Security.Claims;
using TicketPlatform.Api.Auth;

namespace TicketPlatform.Api.RateLimits;

/// <summary>The budgets a request can draw on; the name is the policy name in the <c>RateLimit</c> headers.</summary>
public enum RateLimitBudget
{
    None,
    Reads,
    Writes,
    Anonymous,
}

/// <summary>One caller's budget: a local user id for the signed-in, the client address for everyone else.</summary>
public readonly record struct RateLimitKey(RateLimitBudget Budget, string Caller)
{
    public static readonly RateLimitKey Unlimited = new(RateLimitBudget.None, "");

    /// <summary>Made once: the <c>RateLimit</c> header names the policy on every limited response.</summary>
    private static readonly string[] PolicyNames = [.. Enum.GetNames<RateLimitBudget>().Select(name => name.ToLowerInvariant())];

    public string PolicyName => PolicyNames[(int)Budget];

    /// <summary>Reads are GET, HEAD and OPTIONS; everything else, hub invocations included, spends the write budget.</summary>
    public static RateLimitKey For(ClaimsPrincipal user, string method, System.Net.IPAddress? clientAddress) =>
        user.LocalUserId() is { } userId
            ? new RateLimitKey(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? RateLimitBudget.Reads : RateLimitBudget.Writes, userId)
            : new RateLimitKey(RateLimitBudget.Anonymous, clientAddress?.ToString() ?? "unknown");
}
