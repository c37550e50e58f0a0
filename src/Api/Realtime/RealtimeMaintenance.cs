using Microsoft.Extensions.Options;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// Keeps this node's watches alive and closes connections that must not stay open: token expired, user
/// deactivated, or role changed (visibility was decided with the old role; the client reconnects).
/// </summary>
public sealed partial class RealtimeMaintenance(
    TicketRooms rooms,
    RealtimeConnections connections,
    IGrainFactory grains,
    IOptions<RealtimeOptions> options,
    TimeProvider time,
    ILogger<RealtimeMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRenewal = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Sweep();
                if (time.GetUtcNow() - lastRenewal >= options.Value.RenewInterval)
                {
                    lastRenewal = time.GetUtcNow();
                    await Task.WhenAll(rooms.Tickets.Select(rooms.Watch));
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                LogMaintenanceFailed(logger, e);
            }
        }
    }

    private async Task Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var connection in connections.All)
        {
            var user = now >= connection.ExpiresAt ? null : await grains.GetGrain<IUserGrain>(connection.Subject).Get();
            if (user is null || !user.Active || user.Role != connection.Actor.Role)
            {
                connection.Context.Abort();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime maintenance failed; retrying on the next tick")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);
}
