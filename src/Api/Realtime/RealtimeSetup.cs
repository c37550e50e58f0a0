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
        services.AddHostedService<RealtimeMaintenance>();
        return services;
    }
}
