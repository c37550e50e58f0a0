using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using TicketPlatform.Persistence;

namespace TicketPlatform.Hosting;

/// <summary>What every silo of TicketPlatform is, whether co-hosted in the Api or a process of its own.</summary>
public static class SiloConfiguration
{
    public const string ServiceId = "ticketplatform";

    public static ISiloBuilder AddTicketPlatform(this ISiloBuilder silo, IConfiguration configuration, DatabaseOptions database)
    {
        silo.Services.AddTicketPlatformGrains(configuration, database);
        silo.Configure<SiloMessagingOptions>(ClusterTimings.ConfigureMessaging);
        silo.Services.AddSingleton<PlacementStrategy, ResourceOptimizedPlacement>();
        return silo;
    }

    /// <summary>The cluster profile when the domain database is PostgreSQL; otherwise one silo on loopback.</summary>
    public static ISiloBuilder UseClustering(this ISiloBuilder silo, IConfiguration configuration, DatabaseOptions database) =>
        database.Provider == DatabaseProvider.Postgres
            ? silo.UseAdoNetCluster(configuration, ClusterConnection.From(configuration) ?? database.ConnectionString)
            : silo.UseLoopbackClustering(configuration);

    /// <summary>A single silo on loopback with in-memory reminders: the embedded profile.</summary>
    public static ISiloBuilder UseLoopbackClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var ports = configuration.GetSection(LoopbackSiloOptions.Section).Get<LoopbackSiloOptions>() ?? new LoopbackSiloOptions();
        return silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, serviceId: ServiceId, clusterId: "embedded")
            .UseInMemoryReminderService();
    }

    /// <summary>Membership and reminders in PostgreSQL through Orleans' ADO.NET providers.</summary>
    public static ISiloBuilder UseAdoNetCluster(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        var cluster = configuration.GetSection(ClusterEndpointOptions.Section).Get<ClusterEndpointOptions>() ?? new ClusterEndpointOptions();
        silo.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = ServiceId;
            options.ClusterId = cluster.ClusterId;
        });
        silo.ConfigureEndpoints(cluster.ResolveAdvertisedAddress(), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = ClusterConnection.Invariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = ClusterConnection.Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Configure<ClusterMembershipOptions>(ClusterTimings.ConfigureMembership);
        silo.Configure<SiloMessagingOptions>(options => options.ClientGatewayShutdownNotificationTimeout = ClusterTimings.GatewayDrain);
        // Only where another silo can leave: the loopback silo's calls never meet a departed target, and any outgoing
        // filter puts every grain call (the hot read too) through Orleans' slower filtered path.
        silo.AddOutgoingGrainCallFilter<SafeGrainCallRetry>();
        return silo.UseClusterTls(configuration);
    }
}
