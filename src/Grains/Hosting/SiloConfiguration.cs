using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using TicketPlatform.Persistence;

namespace TicketPlatform.Hosting;

/// <summary>What every silo of TicketPlatform is, whether co-hosted in the Api or a process of its own.</summary>
public static class SiloConfiguration
{
    public const string ServiceId = "ticketplatform";

    /// <summary>Explicit: Orleans 10 no longer cancels a timed-out request by default.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

    public static ISiloBuilder AddTicketPlatform(this ISiloBuilder silo, IConfiguration configuration, DatabaseOptions database)
    {
        silo.Services.AddTicketPlatformGrains(configuration, database);
        silo.Configure<SiloMessagingOptions>(options =>
        {
            options.ResponseTimeout = ResponseTimeout;
            options.CancelRequestOnTimeout = true;
        });
        return silo;
    }

    /// <summary>A single silo on loopback: the embedded profile.</summary>
    public static ISiloBuilder UseLoopbackClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var ports = configuration.GetSection(LoopbackSiloOptions.Section).Get<LoopbackSiloOptions>() ?? new LoopbackSiloOptions();
        return silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, serviceId: ServiceId, clusterId: "embedded");
    }
}
