using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Common;

namespace TicketPlatform.Api.RateLimits;

/// <summary>
/// Hub invocations (JoinTicket, Typing, ...) spend the caller's write budget like a REST write: each one makes the
/// server act or fan out. Over budget, the invocation fails with a hub error saying RATE_LIMITED and when to retry.
/// </summary>
internal sealed class RateLimitedHubInvocations(CallerRateLimiter limiter) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!limiter.Enabled)
        {
            return await next(invocation);
        }

        var key = RateLimitKey.For(invocation.Context.User!, HttpMethods.Post, invocation.Context.GetHttpContext()?.Connection.RemoteIpAddress);
        using var lease = limiter.Limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            throw new HubException($"{ErrorCodes.RateLimited}: too many invocations; retry after {RateLimitSetup.RetryAfterSeconds(lease)} s.");
        }

        return await next(invocation);
    }
}
