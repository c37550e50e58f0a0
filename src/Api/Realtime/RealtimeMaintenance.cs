using Microsoft.Extensions.Options;
using TicketPlatform.Api.Common;
using TicketPlatform.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// Keeps this node's watches, presence reports and user-access subscription alive, and re-checks its connections:
/// an expired token or a deactivated user closes the connection (a deactivated user's rooms close first), a changed
/// role is taken over, and every room is checked against its ticket.
/// </summary>
public sealed partial class RealtimeMaintenance(
    TicketRooms rooms,
    RealtimeConnections connections,
    RoomAccess access,
    WatchRenewal renewal,
    GrainReferences grains,
    IOptions<RealtimeOptions> options,
    TimeProvider time,
    ILogger<RealtimeMaintenance> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRenewal = DateTimeOffset.MinValue;
        // The first pass runs at once: until this node is subscribed to user-access changes it caches no identity.
        return Periodically.Run(options.Value.SweepInterval, async cancellationToken =>
        {
            if (time.GetUtcNow() - lastRenewal >= options.Value.RenewInterval)
            {
                lastRenewal = time.GetUtcNow();
                await renewal.RenewAll(cancellationToken);
            }

            await Sweep();
            await access.RecheckRooms();
        }, e => LogMaintenanceFailed(logger, e), stoppingToken, time);
    }

    private async Task Sweep()
    {
        var now = time.GetUtcNow();
        var users = new Dictionary<string, UserView?>(StringComparer.Ordinal);
        foreach (var connection in connections.All)
        {
            if (now >= connection.ExpiresAt)
            {
                connection.Context.Abort();
                continue;
            }

            if (!users.TryGetValue(connection.Subject, out var user))
            {
                users[connection.Subject] = user = await grains.GetGrain<IUserGrain>(connection.Subject).Get();
            }

            if (user is null || (!user.Active && rooms.RoomsOf(connection.Id).Count == 0))
            {
                connection.Context.Abort();
            }
            else
            {
                await access.Apply(connection, user);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime maintenance failed; retrying on the next tick")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);
}
