using TicketPlatform.Api.Common;
using TicketPlatform.Hosting;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Hosting;

/// <summary>The one Orleans role this process takes: a co-hosted silo (embedded) or a client of the cluster.</summary>
public static class OrleansHosting
{
    /// <summary>Co-hosts a silo with loopback clustering and the grains on the configured database.</summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        builder.UseOrleans(silo => silo.UseLoopbackClustering(builder.Configuration).AddTicketPlatform(builder.Configuration, database));
        return builder.AddGrainReferences();
    }

    /// <summary>A client of the silos listed in the membership table; no grain code and no database of its own.</summary>
    public static WebApplicationBuilder AddClusterClient(this WebApplicationBuilder builder)
    {
        var connectionString = ClusterConnection.From(builder.Configuration) ?? throw new InvalidOperationException(
            $"The {HostingProfile.Cluster} profile needs ConnectionStrings:{ClusterConnection.ConnectionStringName}, the PostgreSQL database of the cluster's membership table.");
        var cluster = builder.Configuration.GetSection(ClusterEndpointOptions.Section).Get<ClusterEndpointOptions>() ?? new ClusterEndpointOptions();
        builder.UseOrleansClient(client => client.UseTicketPlatformCluster(cluster, connectionString).UseClusterTls(builder.Configuration));
        return builder.AddGrainReferences();
    }

    private static WebApplicationBuilder AddGrainReferences(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GrainReferences>();
        return builder;
    }
}
