using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Realtime;

/// <summary>A live hub connection of this node: who it is and until when its token is valid.</summary>
public sealed record RealtimeConnection(HubCallerContext Context, string Subject, Actor Actor, DateTimeOffset ExpiresAt);

/// <summary>The hub connections of this node.</summary>
public sealed class RealtimeConnections
{
    private readonly ConcurrentDictionary<string, RealtimeConnection> _connections = new(StringComparer.Ordinal);

    public ICollection<RealtimeConnection> All => _connections.Values;

    public void Add(RealtimeConnection connection) => _connections[connection.Context.ConnectionId] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);
}
