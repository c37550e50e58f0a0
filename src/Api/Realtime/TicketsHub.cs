using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Api.Auth;
using TicketPlatform.Realtime;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// <c>/hubs/tickets</c>: clients join the rooms of tickets they may view and receive their committed events,
/// filtered by visibility per connection.
/// </summary>
[Authorize]
public sealed class TicketsHub(TicketRooms rooms, RealtimeConnections connections, IGrainFactory grains) : Hub
{
    public const string Path = "/hubs/tickets";

    public override Task OnConnectedAsync()
    {
        var user = Context.User!;
        var expires = long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : DateTimeOffset.MaxValue;
        connections.Add(new RealtimeConnection(Context, user.FindFirst("sub")!.Value, user.ToActor(), expires));
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        await rooms.LeaveAll(Context.ConnectionId);
    }

    /// <summary>Joins the ticket's room after the ticket grain's access check; returns the ticket's last seq.</summary>
    public async Task<long> JoinTicket(string number)
    {
        var actor = Context.User!.ToActor();
        if (!TicketNumber.IsWellFormed(number) || !await grains.GetGrain<ITicketRealtimeGrain>(number).CanView(actor))
        {
            throw new HubException("NOT_FOUND: Ticket was not found.");
        }

        return await rooms.Join(number, Context.ConnectionId, actor);
    }

    public Task LeaveTicket(string number) => rooms.Leave(number, Context.ConnectionId);
}
