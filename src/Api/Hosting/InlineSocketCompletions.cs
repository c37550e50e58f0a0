using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TicketPlatform.Api.Hosting;

/// <summary>
/// The sockets of Kestrel's connections report completions on the socket engine's event thread instead of queueing each
/// one to the thread pool: a hot read costs one thread-pool hop less (docs/performance.md). Only Kestrel's sockets,
/// whose completions merely move bytes into Kestrel's pipes and schedule the rest. The runtime's process-wide switch
/// (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>) put Npgsql's sockets there as well, where a synchronous column
/// read under Dapper waited on that thread for itself and stalled every socket of the process.
/// <para>
/// The per-socket form of the switch is the runtime's experimental <c>Socket.PreferInlineCompletions</c>, internal and
/// kept by the runtime for this use through reflection. A runtime without it leaves the connections as they are.
/// <c>TicketPlatform:Http:InlineSocketCompletions=false</c> turns it off.
/// </para>
/// </summary>
public static class InlineSocketCompletions
{
    public const string Key = "TicketPlatform:Http:InlineSocketCompletions";

    private static readonly Action<Socket, bool>? PreferInline = typeof(Socket)
        .GetProperty("PreferInlineCompletions", BindingFlags.Instance | BindingFlags.NonPublic)?
        .SetMethod?.CreateDelegate<Action<Socket, bool>>();

    /// <summary>Whether this runtime has the per-socket switch.</summary>
    public static bool Supported => PreferInline is not null;

    public static IServiceCollection AddTicketPlatformInlineSocketCompletions(this IServiceCollection services, IConfiguration configuration)
    {
        if (Supported && configuration.GetValue(Key, defaultValue: true))
        {
            services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Use(PreferInlineFor)));
        }

        return services;
    }

    private static ConnectionDelegate PreferInlineFor(ConnectionDelegate next) => connection =>
    {
        if (connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            PreferInline!(socket, true);
        }

        return next(connection);
    };
}
