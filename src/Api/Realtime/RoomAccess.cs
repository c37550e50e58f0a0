using Microsoft.Extensions.Options;
using TicketPlatform.Api.Common;
using TicketPlatform.Common;
using TicketPlatform.Realtime;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// Re-checks, while connections live, that they may still see the tickets whose rooms they are in: when their user
/// changed (told at once through <see cref="UserAccessObserver"/>, or found by the sweep) and, periodically, against
/// every room's ticket grain. What fails closes through <see cref="RoomDelivery.Close"/>.
/// </summary>
public sealed class RoomAccess(
    RealtimeConnections connections, TicketRooms rooms, RoomProgress progress, RoomDelivery delivery, GrainReferences grains,
    IOptions<RealtimeOptions> options, TimeProvider time)
{
    public async Task Apply(UserView user)
    {
        foreach (var connection in connections.OfUser(user.Id).ToList())
        {
            await Apply(connection, user);
        }
    }

    /// <summary>
    /// The connection takes the user's current role at once (a demoted agent stops receiving INTERNAL events); a
    /// deactivated user leaves every room, anyone else the rooms they may no longer see.
    /// </summary>
    public async Task Apply(RealtimeConnection connection, UserView user)
    {
        var before = connection.Actor;
        connection.Update(user);
        if (!user.Active)
        {
            foreach (var ticket in rooms.RoomsOf(connection.Id))
            {
                await delivery.Close(ticket, connection, RoomClosedReasons.Deactivated);
            }
        }
        else if (before.Role != user.Role)
        {
            foreach (var ticket in rooms.RoomsOf(connection.Id))
            {
                if (!await grains.GetGrain<ITicketRealtimeGrain>(ticket).CanView(connection.Actor))
                {
                    await delivery.Close(ticket, connection, before.IsStaff && !connection.Actor.IsStaff ? RoomClosedReasons.Demoted : RoomClosedReasons.AccessLost);
                }
            }
        }
    }

    /// <summary>Asks each room's ticket grain, once per room, whether its members may still see it.</summary>
    public async Task RecheckRooms()
    {
        foreach (var ticket in rooms.Tickets)
        {
            var members = rooms.Members(ticket);
            Actor[] actors = [.. members.Select(member => member.Connection.Actor)];
            var check = await grains.GetGrain<ITicketRealtimeGrain>(ticket).MayView(actors);
            if (!progress.IsCaughtUp(ticket, check.LastSeq, time.GetUtcNow(), options.Value.RenewInterval))
            {
                continue;
            }

            for (var i = 0; i < members.Count; i++)
            {
                if (!check.Allowed[i])
                {
                    await delivery.Close(ticket, members[i].Connection, RoomClosedReasons.AccessLost);
                }
            }
        }
    }
}
