using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketPlatform.Observability;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> is
/// healthy (the database for a silo, the cluster for an Api node, the warm-up), else 503: a degraded check (a node
/// still warming up) is not ready either.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapTicketPlatformHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().WithTags("Health").WithSummary("The process is up");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable, [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous().WithTags("Health").WithSummary("The database and the cluster are reachable");
        return app;
    }
}
