using System.Data.Common;
using TicketPlatform.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketPlatform.Persistence;

/// <summary>Readiness of a process that hosts grains: its database answers.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.PingAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No answer.");
        }
        catch (Exception e) when (e is DbException or StorageUnavailableException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.", e);
        }
    }
}
