using System.Collections.Concurrent;
using TicketPlatform.Common;
using TicketPlatform.Realtime;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// This node's ticket rooms: which local connections joined which ticket. The first member of a room makes the
/// node watch the ticket's grain; the last one leaving stops it. No grain per connection, no shared backplane.
/// </summary>
public sealed class TicketRooms(IGrainFactory grains, TicketRoomObserver observer)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Actor>> _rooms = new(StringComparer.Ordinal);
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
    public IReadOnlyList<KeyValuePair<string, Actor>> Members(string ticketNumber)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(ticketNumber, out var room) ? [.. room] : [];
        }
    }

    /// <summary>Adds the connection and (re)news the watch; returns the ticket's last seq.</summary>
    public async Task<long> Join(string ticketNumber, string connectionId, Actor actor)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(ticketNumber, out var room))
            {
                _rooms[ticketNumber] = room = new Dictionary<string, Actor>(StringComparer.Ordinal);
            }

            room[connectionId] = actor;
        }

        return await Watch(ticketNumber);
    }

    public async Task Leave(string ticketNumber, string connectionId)
    {
        bool emptied;
        lock (_gate)
        {
            emptied = _rooms.TryGetValue(ticketNumber, out var room) && room.Remove(connectionId) && room.Count == 0 && _rooms.Remove(ticketNumber);
        }

        if (emptied)
        {
            await grains.GetGrain<ITicketRealtimeGrain>(ticketNumber).Unwatch(Reference());
        }
    }

    public async Task LeaveAll(string connectionId)
    {
        foreach (var ticket in Tickets)
        {
            await Leave(ticket, connectionId);
        }
    }

    public Task<long> Watch(string ticketNumber) => grains.GetGrain<ITicketRealtimeGrain>(ticketNumber).Watch(Reference());

    private ITicketObserver Reference() => _reference.GetOrAdd("self", _ => grains.CreateObjectReference<ITicketObserver>(observer));
}
