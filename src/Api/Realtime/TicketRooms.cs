using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TicketPlatform.Realtime;

namespace TicketPlatform.Api.Realtime;

/// <summary>A connection in a room, since when.</summary>
public sealed record RoomMember(RealtimeConnection Connection, DateTimeOffset JoinedAt);

/// <summary>
/// This node's ticket rooms: which local connections joined which ticket. The first member of a room makes the
/// node watch the ticket's grain; the last one leaving stops it. Every join and leave reports the room's viewers to the
/// grain, which merges the reports of all nodes into the ticket's presence. No grain per connection, no backplane.
/// </summary>
public sealed class TicketRooms(
    IGrainFactory grains, TicketRoomObserver observer, RoomProgress progress, IOptions<RealtimeOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, RoomMember>> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ITicketObserver> _reference = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Tickets
    {
        get
        {
            lock (_gate)
            {
                return [.. _rooms.Keys];
            }
        }
    }

    /// <summary>The members of a room, as a snapshot.</summary>
    public IReadOnlyList<RoomMember> Members(string ticketNumber)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(ticketNumber, out var room) ? [.. room.Values] : [];
        }
    }

    /// <summary>The tickets whose rooms <paramref name="connectionId"/> is in.</summary>
    public IReadOnlyList<string> RoomsOf(string connectionId)
    {
        lock (_gate)
        {
            return [.. _rooms.Where(room => room.Value.ContainsKey(connectionId)).Select(room => room.Key)];
        }
    }

    public bool Contains(string ticketNumber, string connectionId)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(ticketNumber, out var room) && room.ContainsKey(connectionId);
        }
    }

    /// <summary>Adds the connection and (re)news the watch, announcing the new presence; returns the ticket's last seq.</summary>
    public async Task<long> Join(string ticketNumber, RealtimeConnection connection)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(ticketNumber, out var room))
            {
                _rooms[ticketNumber] = room = new Dictionary<string, RoomMember>(StringComparer.Ordinal);
            }

            room.TryAdd(connection.Id, new RoomMember(connection, time.GetUtcNow()));
        }

        var lastSeq = await Watch(ticketNumber, announce: true);
        progress.Delivered(ticketNumber, lastSeq);
        return lastSeq;
    }

    /// <summary>Takes the connection out of the room at once (nothing of the ticket reaches it from now on); false when it was not in it.</summary>
    public bool Remove(string ticketNumber, string connectionId)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(ticketNumber, out var room) || !room.Remove(connectionId))
            {
                return false;
            }

            if (room.Count == 0)
            {
                _rooms.Remove(ticketNumber);
                progress.Forget(ticketNumber);
            }

            return true;
        }
    }

    /// <summary>Tells the ticket's grain how the room is now: its viewers, or the end of this node's watch when it is empty.</summary>
    public async Task Announce(string ticketNumber)
    {
        if (Members(ticketNumber).Count == 0)
        {
            await grains.GetGrain<ITicketRealtimeGrain>(ticketNumber).Unwatch(Reference());
        }
        else
        {
            await Watch(ticketNumber, announce: true);
        }
    }

    public async Task Leave(string ticketNumber, string connectionId)
    {
        if (Remove(ticketNumber, connectionId))
        {
            await Announce(ticketNumber);
        }
    }

    public async Task LeaveAll(string connectionId)
    {
        foreach (var ticket in RoomsOf(connectionId))
        {
            await Leave(ticket, connectionId);
        }
    }

    /// <summary>Subscribes or renews this node's watch of the ticket, with the room's viewers.</summary>
    public Task<long> Watch(string ticketNumber, bool announce) =>
        grains.GetGrain<ITicketRealtimeGrain>(ticketNumber).Watch(Reference(), new NodePresence(Viewers(ticketNumber), options.Value.PresenceValidFor, announce));

    private PresenceViewer[] Viewers(string ticketNumber) =>
    [
        .. Members(ticketNumber)
            .GroupBy(member => member.Connection.User.Id)
            .Select(same => same.MinBy(member => member.JoinedAt)!)
            .Select(member => new PresenceViewer(member.Connection.User.Id, member.Connection.User.Name, member.Connection.User.Role, member.JoinedAt)),
    ];

    private ITicketObserver Reference() => _reference.GetOrAdd("self", _ => grains.CreateObjectReference<ITicketObserver>(observer));
}
