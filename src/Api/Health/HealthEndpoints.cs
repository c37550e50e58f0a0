using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketPlatform.Api.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddTicketPlatformHealth(this IServiceCollection services, bool hostsDatabase)
    {
        var checks = services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [Ready]);
        if (hostsDatabase)
        {
            checks.AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapTicketPlatformHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().WithTags("Health").WithSummary("The process is up");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable, [HealthStatus.Degraded] = StatusCodes.Status200OK },
        }).AllowAnonymous().WithTags("Health").WithSummary("The database and the cluster are reachable");
        return app;
    }
}
