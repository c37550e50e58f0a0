using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using TicketPlatform.Api.Realtime;

namespace TicketPlatform.Api.Warmup;

/// <summary>
/// Pushes the way a ticket room is pushed to: <see cref="Connections"/> WebSocket clients in this process connect to
/// <see cref="WarmupHub"/> as the hub clients do (no negotiation, JSON protocol), receive <see cref="Pushes"/> pushes
/// sent to all of them one after the other, and leave.
/// </summary>
public sealed class HubWarmup(IHubContext<WarmupHub> hub, WarmupMarker marker, IOptions<JsonHubProtocolOptions> protocol)
{
    private const int Connections = 32;
    private const int Pushes = 16;
    private const byte RecordSeparator = 0x1e;

    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");

    /// <summary>What the ticket rooms push; its serialization metadata is made once, on first use.</summary>
    private static readonly Type[] RoomPushes = [typeof(HubEvent), typeof(RoomClosedPush), typeof(PresencePush), typeof(TypingPush)];

    /// <summary>Makes the serialization metadata of the rooms' pushes now, not while the first push waits.</summary>
    public void PreparePayloads()
    {
        var payloads = protocol.Value.PayloadSerializerOptions;
        payloads.MakeReadOnly(populateMissingResolver: true); // as the protocol's first serialization would
        foreach (var type in RoomPushes)
        {
            payloads.GetTypeInfo(type);
        }
    }

    public async Task Round(Uri address, string? token, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(address) { Scheme = "ws", Path = WarmupHub.Path }.Uri;
        var clients = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Connect(url, token, cancellationToken)));
        try
        {
            var received = clients.Select(client => Read(client, Pushes, cancellationToken)).ToArray();
            for (var push = 0; push < Pushes; push++)
            {
                await hub.Clients.All.SendAsync(WarmupHub.Push, push, cancellationToken);
            }

            await Task.WhenAll(received);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private async Task<ClientWebSocket> Connect(Uri url, string? token, CancellationToken cancellationToken)
    {
        var client = new ClientWebSocket();
        client.Options.SetRequestHeader(WarmupMarker.HeaderName, marker.Value);
        if (token is not null)
        {
            client.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        await client.ConnectAsync(url, cancellationToken);
        await client.SendAsync(Handshake, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

        // The handshake's answer, then the hub's greeting: sent once the connection is among those a push goes to.
        await Read(client, 2, cancellationToken);
        return client;
    }

    private static async Task Read(ClientWebSocket client, int records, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (records > 0)
        {
            var result = await client.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
            }

            records -= buffer.AsSpan(0, result.Count).Count(RecordSeparator);
        }
    }
}
