using System.Collections.Concurrent;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// The last seq this node delivered per room. The periodic access re-check acts on a room only when the node is caught
/// up with the ticket: while a commit is on its way, the commit closes the room itself, with its own reason. A node
/// that stays behind for a grace period lost the notification (a silo died) and is treated as caught up.
/// </summary>
public sealed class RoomProgress
{
    private readonly ConcurrentDictionary<string, (long Delivered, DateTimeOffset? BehindSince)> _rooms = new(StringComparer.Ordinal);

    public void Delivered(string ticketNumber, long seq) =>
        _rooms.AddOrUpdate(ticketNumber, (seq, null), (_, known) => seq >= known.Delivered ? (seq, null) : known);

    public void Forget(string ticketNumber) => _rooms.TryRemove(ticketNumber, out _);

    public bool IsCaughtUp(string ticketNumber, long ticketSeq, DateTimeOffset now, TimeSpan grace)
    {
        var (delivered, behindSince) = _rooms.GetValueOrDefault(ticketNumber);
        if (delivered >= ticketSeq)
        {
            return true;
        }

        if (behindSince is null)
        {
            _rooms[ticketNumber] = (delivered, now);
            return false;
        }

        if (now - behindSince < grace)
        {
            return false;
        }

        _rooms[ticketNumber] = (ticketSeq, null);
        return true;
    }
}
