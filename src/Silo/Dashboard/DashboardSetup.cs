using TicketPlatform.Observability;
using Orleans.Dashboard;

namespace TicketPlatform.Silo.Dashboard;

/// <summary>
/// The Orleans Dashboard: its grains and call profiling on every silo (the page reads them cluster-wide), the page itself
/// only on a port of its own, so that it never shares the health and metrics port and never goes through the load balancer.
/// </summary>
public static class DashboardSetup
{
    public static ISiloBuilder AddTicketPlatformDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    /// <summary>Adds the dashboard port to the addresses the silo listens on, when one is configured.</summary>
    public static WebApplicationBuilder ListenForDashboard(this WebApplicationBuilder builder) =>
        Port(builder.Configuration) is { } port ? builder.ListenAlsoOn(port) : builder;

    public static WebApplication MapTicketPlatformDashboard(this WebApplication app)
    {
        if (Port(app.Configuration) is { } port)
        {
            app.MapOrleansDashboard().RequireHost($"*:{port}");
        }

        return app;
    }

    private static int? Port(IConfiguration configuration) =>
        configuration.GetSection(DashboardSettings.Section).Get<DashboardSettings>() is { Port: > 0 } settings ? settings.Port : null;
}
