using Orleans.Configuration;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Hosting;

public static class OrleansHosting
{
    public const string ServiceId = "ticketplatform";

    /// <summary>Response timeouts are explicit: Orleans 10 no longer cancels a timed-out request by default.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Co-hosts a silo with localhost clustering and the grains on the configured database.</summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var ports = builder.Configuration.GetSection(EmbeddedSiloOptions.Section).Get<EmbeddedSiloOptions>() ?? new EmbeddedSiloOptions();
        builder.Services.AddTicketPlatformGrains(builder.Configuration, database);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, serviceId: ServiceId, clusterId: "embedded");
            silo.Configure<SiloMessagingOptions>(options =>
            {
                options.ResponseTimeout = ResponseTimeout;
                options.CancelRequestOnTimeout = true;
            });
        });
        return builder;
    }
}
