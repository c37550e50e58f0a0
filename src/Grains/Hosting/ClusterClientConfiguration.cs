using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace TicketPlatform.Hosting;

/// <summary>An Orleans client of the cluster profile: finds gateways in the membership table, never touches grain code.</summary>
public static class ClusterClientConfiguration
{
    public static IClientBuilder UseTicketPlatformCluster(this IClientBuilder client, ClusterEndpointOptions cluster, string connectionString)
    {
        client.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = SiloConfiguration.ServiceId;
            options.ClusterId = cluster.ClusterId;
        });
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = ClusterConnection.Invariant;
            options.ConnectionString = connectionString;
        });
        client.Configure<ClientMessagingOptions>(ClusterTimings.ConfigureMessaging);
        client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = ClusterTimings.GatewayListRefreshPeriod);
        client.Services.AddSingleton<IClientConnectionRetryFilter, RetryUntilStopped>();
        client.AddOutgoingGrainCallFilter<SafeGrainCallRetry>();
        return client;
    }
}
