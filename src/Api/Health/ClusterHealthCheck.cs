using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketPlatform.Api.Common;
using TicketPlatform.Health;

namespace TicketPlatform.Api.Health;

internal sealed class ClusterHealthCheck(GrainReferences grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pinged = await grains.GetGrain<IClusterPingGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return pinged ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No answer.");
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The cluster is unreachable.", e);
        }
    }
}
