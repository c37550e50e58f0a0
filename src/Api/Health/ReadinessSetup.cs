using TicketPlatform.Observability;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Health;

public static class ReadinessSetup
{
    /// <summary>Ready when the cluster answers and, when this process hosts the silo (embedded profile), its database too.</summary>
    public static IServiceCollection AddTicketPlatformHealth(this IServiceCollection services, bool hostsDatabase)
    {
        var checks = services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        if (hostsDatabase)
        {
            checks.AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        }

        return services;
    }
}
