using Microsoft.AspNetCore.SignalR;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// Every send to a ticket room of this node goes through here, one at a time, and so does taking a connection out of a
/// room: once a connection received <c>room-closed</c>, nothing of that ticket can reach it. This is the one way a
/// connection loses a room, whoever found out (a commit, a change of the user, the periodic re-check).
/// </summary>
public sealed class RoomDelivery(IHubContext<TicketsHub> hub, IServiceProvider services)
{
    private readonly SemaphoreSlim _order = new(1, 1);

    private TicketRooms Rooms => services.GetRequiredService<TicketRooms>();

    /// <summary>Runs <paramref name="work"/> when no other send or close of this node runs.</summary>
    public async Task InOrder(Func<Task> work)
    {
        await _order.WaitAsync();
        try
        {
            await work();
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>Sends to the members of the room that <paramref name="receives"/> picks; only inside <see cref="InOrder"/>.</summary>
    public async Task SendNow(string ticketNumber, string method, object payload, Func<RealtimeConnection, bool> receives)
    {
        var audience = new AudienceCollection([.. Rooms.Members(ticketNumber).Where(member => receives(member.Connection)).Select(member => member.Connection.Id)]);
        if (audience.Count > 0)
        {
            await hub.Clients.Clients(audience).SendAsync(method, payload);
        }
    }

    /// <summary>Takes the connection out of the room and sends it <c>room-closed</c>; only inside <see cref="InOrder"/>. False when it was not in the room.</summary>
    public async Task<bool> CloseNow(string ticketNumber, RealtimeConnection connection, string reason)
    {
        if (!Rooms.Remove(ticketNumber, connection.Id))
        {
            return false;
        }

        await hub.Clients.Client(connection.Id).SendAsync(HubEvents.RoomClosed, new RoomClosedPush(ticketNumber, reason));
        return true;
    }

    /// <summary>Closes the room for the connection and tells the ticket's grain (presence) afterwards.</summary>
    public async Task Close(string ticketNumber, RealtimeConnection connection, string reason)
    {
        var closed = false;
        await InOrder(async () => closed = await CloseNow(ticketNumber, connection, reason));
        if (closed)
        {
            await Rooms.Announce(ticketNumber);
        }
    }
}
