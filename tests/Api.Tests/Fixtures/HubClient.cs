using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Realtime;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>A push as a client receives it: its name and its JSON, read as a chat UI would; <see cref="Event"/> types it.</summary>
public sealed record HubPush(string Name, JsonElement Body)
{
    public HubEvent Event => Body.Deserialize<HubEvent>(HttpJson.Options)!;

    public override string ToString() => $"{Name} {Body}";
}

/// <summary>
/// A real SignalR client of the real hub. Room pushes (the events and <c>room-closed</c>) are kept in the order they
/// arrive; <c>presence</c> and <c>typing</c> separately, so that tests of events need not skip them.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private static readonly string[] RoomPushes =
        ["ticket-event", "new-message", "message-updated", "message-deleted", "new-attachment", "attachment-deleted", HubEvents.RoomClosed];

    private readonly Channel<HubPush> _room = Channel.CreateUnbounded<HubPush>();
    private readonly Channel<HubPush> _live = Channel.CreateUnbounded<HubPush>();
    private readonly List<HubPush> _log = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in RoomPushes)
        {
            connection.On<JsonElement>(name, body => _room.Writer.TryWrite(Logged(new HubPush(name, body))));
        }

        foreach (var name in new[] { HubEvents.Presence, HubEvents.Typing })
        {
            connection.On<JsonElement>(name, body => _live.Writer.TryWrite(Logged(new HubPush(name, body))));
        }

        connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    private HubPush Logged(HubPush push)
    {
        lock (_log)
        {
            _log.Add(push);
        }

        return push;
    }

    public Task Closed => _closed.Task;

    /// <summary>Connects with the token in the Authorization header (long polling) or, as browsers do, in the query string (WebSockets).</summary>
    public static async Task<HubClient> Connect(ApiFactory api, string token, bool queryStringToken = false)
    {
        var hub = new Uri(api.BaseAddress, TicketsHub.Path);
        var connection = new HubConnectionBuilder()
            .WithUrl(queryStringToken ? new Uri($"{hub}?access_token={Uri.EscapeDataString(token)}") : hub, options =>
            {
                if (queryStringToken)
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                }
                else
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    options.Transports = HttpTransportType.LongPolling;
                }
            })
            .AddJsonProtocol(options => DomainJson.Configure(options.PayloadSerializerOptions))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<long> Join(string ticketNumber) => Connection.InvokeAsync<long>("JoinTicket", ticketNumber);

    public Task Typing(string ticketNumber, string visibility) => Connection.InvokeAsync("Typing", ticketNumber, visibility);

    /// <summary>The next room push received, waiting up to <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<HubPush> Next(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _room.Reader.ReadAsync(cancellation.Token);
    }

    /// <summary>The next <c>presence</c> or <c>typing</c> push named <paramref name="name"/> that <paramref name="accept"/> takes (default 10 s).</summary>
    public async Task<HubPush> NextLive(string name, Func<JsonElement, bool>? accept = null, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var push = await _live.Reader.ReadAsync(cancellation.Token);
            if (push.Name == name && (accept?.Invoke(push.Body) ?? true))
            {
                return push;
            }
        }
    }

    /// <summary>Room pushes received until one with <paramref name="seq"/> arrives (inclusive).</summary>
    public async Task<List<HubPush>> UntilSeq(long seq)
    {
        var pushes = new List<HubPush>();
        while (true)
        {
            var next = await Next();
            Assert.NotEqual(HubEvents.RoomClosed, next.Name);
            pushes.Add(next);
            if (next.Event.Seq >= seq)
            {
                return pushes;
            }
        }
    }

    /// <summary>
    /// A round trip through this connection: the server writes to a connection in order, so whatever it sent before the
    /// answer has been received when this returns.
    /// </summary>
    public Task RoundTrip() => Connection.InvokeAsync("LeaveTicket", "TCK-0000-00000");

    /// <summary>Every push received so far, read or not, in the order they arrived.</summary>
    public List<HubPush> Received()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    /// <summary>Every push received after the last <c>room-closed</c> (all of them if none came), in the order they arrived.</summary>
    public List<HubPush> AfterRoomClosed()
    {
        lock (_log)
        {
            return [.. _log.Skip(_log.FindLastIndex(push => push.Name == HubEvents.RoomClosed) + 1)];
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
