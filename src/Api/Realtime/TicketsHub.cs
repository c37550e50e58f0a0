using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using TicketPlatform.Api.Common;
using TicketPlatform.Messages;
using TicketPlatform.Realtime;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// <c>/hubs/tickets</c>: clients join the rooms of tickets they may view and receive their committed events,
/// filtered by visibility per connection, with the ticket's presence (staff) and typing.
/// </summary>
[Authorize]
public sealed class TicketsHub(
    TicketRooms rooms, RealtimeConnections connections, GrainReferences grains, IOptions<RealtimeOptions> options, TimeProvider time) : Hub
{
    public const string Path = "/hubs/tickets";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var subject = user.FindFirst("sub")!.Value;
        var expires = long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : DateTimeOffset.MaxValue;
        var local = await grains.GetGrain<IUserGrain>(subject).Get() ?? throw new HubException("The caller has not been synced.");
        connections.Add(new RealtimeConnection(Context, subject, local, expires));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        await rooms.LeaveAll(Context.ConnectionId);
    }

    /// <summary>Joins the ticket's room after the ticket grain's access check; returns the ticket's last seq.</summary>
    public async Task<long> JoinTicket(string number)
    {
        var connection = Connection();
        if (!TicketNumber.IsWellFormed(number) || !connection.User.Active || !await grains.GetGrain<ITicketRealtimeGrain>(number).CanView(connection.Actor))
        {
            throw NotFound();
        }

        return await rooms.Join(number, connection);
    }

    public Task LeaveTicket(string number) => rooms.Leave(number, Context.ConnectionId);

    /// <summary>Tells the others in the room who may see <paramref name="visibility"/> that the caller is typing; throttled per connection.</summary>
    public async Task Typing(string number, MessageVisibility visibility)
    {
        var connection = Connection();
        if (!rooms.Contains(number, connection.Id))
        {
            throw NotFound();
        }

        if (visibility == MessageVisibility.Internal && !connection.Actor.IsStaff)
        {
            throw new HubException("FORBIDDEN: Only staff write internal notes.");
        }

        if (connection.MayAnnounceTyping(number, time.GetUtcNow(), options.Value.TypingThrottle))
        {
            await grains.GetGrain<ITicketRealtimeGrain>(number).Typing(new TypingNotice(number, connection.User.Id, connection.User.Name, visibility));
        }
    }

    private RealtimeConnection Connection() => connections.Find(Context.ConnectionId) ?? throw new HubException("The connection is closing.");

    private static HubException NotFound() => new("NOT_FOUND: Ticket was not found.");
}
