using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketPlatform.Api.Warmup;

/// <summary>
/// Not ready while the node warms up: a load balancer sends it traffic once its hot paths are compiled. Degraded, not
/// Unhealthy: nothing is wrong, so the health-check service logs each poll of a warming node as a warning, not an error.
/// </summary>
internal sealed class WarmupHealthCheck(StartupWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmup.Finished ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("Warming up."));
}
