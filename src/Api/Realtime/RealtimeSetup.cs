using Microsoft.Extensions.Options;
using Polly;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Realtime;

public static class RealtimeSetup
{
    public static IServiceCollection AddTicketPlatformRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR().AddJsonProtocol(options => DomainJson.Configure(options.PayloadSerializerOptions));
        services.AddOptions<RealtimeOptions>().Bind(configuration.GetSection(RealtimeOptions.Section));
        services.AddSingleton<RealtimeConnections>();
        services.AddSingleton<RoomDelivery>();
        services.AddSingleton<RoomProgress>();
        services.AddSingleton<TicketRoomObserver>();
        services.AddSingleton<TicketRooms>();
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<UserAccessObserver>();
        services.AddSingleton<WatchRenewal>();
        services.AddResiliencePipeline(WatchRenewal.PipelineName, (pipeline, context) =>
            WatchRenewal.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<RealtimeOptions>>().Value));
        services.AddHostedService<RealtimeMaintenance>();
        services.AddHostedService<SiloLossWatch>();
        return services;
    }
}
