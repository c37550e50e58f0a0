using TicketPlatform.Hosting;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Hosting;

public static class OrleansHosting
{
    /// <summary>Co-hosts a silo with loopback clustering and the grains on the configured database.</summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        builder.UseOrleans(silo => silo.UseLoopbackClustering(builder.Configuration).AddTicketPlatform(builder.Configuration, database));
        return builder;
    }
}
