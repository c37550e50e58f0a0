using Microsoft.Extensions.Options;
using Orleans.Messaging;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// Renews every watch of this node as soon as a silo leaves the cluster's gateway list, read from the membership table
/// every <see cref="RealtimeOptions.SiloLossCheckInterval"/>: the cluster declared that silo dead, and the ticket grains
/// that lived there lost this node's subscription. Without this, their rooms would stay silent until the next periodic
/// renewal. The table, not a gateway's cluster manifest, is read: the manifest refresh may be stuck on the dead silo's gateway.
/// </summary>
public sealed partial class SiloLossWatch(
    IServiceProvider services, WatchRenewal renewal, IOptions<RealtimeOptions> options, TimeProvider time, ILogger<SiloLossWatch> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The embedded profile has no gateway list: its one silo lives and dies with this process.
        if (services.GetService<IGatewayListProvider>() is not { } gateways)
        {
            return Task.CompletedTask;
        }

        HashSet<Uri>? known = null;
        return Periodically.Run(options.Value.SiloLossCheckInterval, async cancellationToken =>
        {
            if (known is null)
            {
                // Idempotent, and this service may start before the Orleans client has initialized the provider.
                await gateways.InitializeGatewayListProvider();
            }

            var current = (await gateways.GetGateways()).ToHashSet();
            var lost = known?.Except(current).ToList() ?? [];
            known = current;
            if (lost.Count > 0)
            {
                LogSiloLost(logger, lost);
                await renewal.RenewAll(cancellationToken);
            }
        }, e => LogCheckFailed(logger, e), stoppingToken, time);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silos {Gateways} left the cluster; renewing this node's watches")]
    private static partial void LogSiloLost(ILogger logger, IEnumerable<Uri> gateways);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for lost silos or renewing the watches after one failed; trying again on the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
