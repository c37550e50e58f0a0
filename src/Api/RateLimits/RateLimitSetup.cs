using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;

namespace TicketPlatform.Api.RateLimits;

/// <summary>
/// ASP.NET Core's rate-limiting middleware over <see cref="CallerRateLimiter"/>: every request under <c>/api</c>
/// spends its caller's read, write or anonymous budget; health, metrics and the documentation spend nothing, and the
/// hub's transport requests neither (its invocations do, through <see cref="RateLimitedHubInvocations"/>). Over budget: 429 RATE_LIMITED with <c>Retry-After</c>. Limited responses carry the <c>RateLimit</c> headers.
/// </summary>
public static class RateLimitSetup
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    public static IServiceCollection AddTicketPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<CallerRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Limiter.WithTranslatedKey<HttpContext>(KeyOnce, leaveOpen: true);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => Reject(rejected.HttpContext, rejected.Lease);
        });
        services.Configure<HubOptions>(hub => hub.AddFilter<RateLimitedHubInvocations>());
        return services;
    }

    /// <summary>After authentication (the caller is known), before authorization (refused callers still spend).</summary>
    public static IApplicationBuilder UseTicketPlatformRateLimits(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            return app;
        }

        var limiter = app.ApplicationServices.GetRequiredService<CallerRateLimiter>();

        // One callback for all requests, handed the request as its state: nothing is allocated per request for it.
        Func<object, Task> addHeaders = state =>
        {
            var context = (HttpContext)state;
            var key = KeyOnce(context);
            context.Response.Headers[PolicyHeader] = limiter.PolicyHeader(key);
            context.Response.Headers[StateHeader] = limiter.StateHeader(key);
            return Task.CompletedTask;
        };
        app.Use((context, next) =>
        {
            if (KeyOnce(context) is { Budget: not RateLimitBudget.None })
            {
                context.Response.OnStarting(addHeaders, context);
            }

            return next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary><see cref="KeyOf"/>, worked out once per request: the headers and the limiter both need it.</summary>
    private static RateLimitKey KeyOnce(HttpContext context)
    {
        if (context.Features.Get<SpentBudget>() is { } spent)
        {
            return spent.Key;
        }

        var key = KeyOf(context);
        context.Features.Set(new SpentBudget(key));
        return key;
    }

    private sealed record SpentBudget(RateLimitKey Key);

    /// <summary>The budget a request spends: <see cref="RateLimitKey.Unlimited"/> for health, metrics and the documentation.</summary>
    public static RateLimitKey KeyOf(HttpContext context)
    {
        var path = context.Request.Path;
        var limited = path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/docs");
        return limited ? RateLimitKey.For(context.User, context.Request.Method, context.Connection.RemoteIpAddress) : RateLimitKey.Unlimited;
    }

    public static string RetryAfterSeconds(RateLimitLease lease) =>
        ((long)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : CallerRateLimiter.Window).TotalSeconds))
        .ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async ValueTask Reject(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = RetryAfterSeconds(lease);
        context.Response.Headers.RetryAfter = retryAfter;
        await Problems.Write(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests.",
            $"This caller's budget for this kind of request is spent; retry after {retryAfter} s.");
    }
}
