using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// A live hub connection of this node: who it is, until when its token is valid, and the user's local role and name as
/// last known. The role is kept current while the connection lives (a demotion narrows what it receives at once).
/// </summary>
public sealed class RealtimeConnection(HubCallerContext context, string subject, UserView user, DateTimeOffset expiresAt)
{
    private readonly Dictionary<string, DateTimeOffset> _lastTyping = new(StringComparer.Ordinal);
    private volatile UserView _user = user;

    public HubCallerContext Context => context;

    public string Id => context.ConnectionId;

    public string Subject => subject;

    public DateTimeOffset ExpiresAt => expiresAt;

    public UserView User => _user;

    public Actor Actor => new(_user.Id, _user.Role);

    public void Update(UserView user) => _user = user;

    /// <summary>True when a typing notice on <paramref name="ticketNumber"/> may go out now; at most one per <paramref name="throttle"/>.</summary>
    public bool MayAnnounceTyping(string ticketNumber, DateTimeOffset now, TimeSpan throttle)
    {
        lock (_lastTyping)
        {
            if (_lastTyping.TryGetValue(ticketNumber, out var last) && now - last < throttle)
            {
                return false;
            }

            _lastTyping[ticketNumber] = now;
            return true;
        }
    }
}

/// <summary>The hub connections of this node.</summary>
public sealed class RealtimeConnections
{
    private readonly ConcurrentDictionary<string, RealtimeConnection> _connections = new(StringComparer.Ordinal);

    public ICollection<RealtimeConnection> All => _connections.Values;

    public RealtimeConnection? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public IEnumerable<RealtimeConnection> OfUser(Guid userId) => _connections.Values.Where(c => c.User.Id == userId);

    public void Add(RealtimeConnection connection) => _connections[connection.Id] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);
}
