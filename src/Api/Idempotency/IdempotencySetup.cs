namespace TicketPlatform.Api.Idempotency;

public static class IdempotencySetup
{
    /// <summary>After authorization (the key belongs to the local user), before the preconditions (a replay is not re-judged).</summary>
    public static IApplicationBuilder UseTicketPlatformIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotentRequests>();
}
