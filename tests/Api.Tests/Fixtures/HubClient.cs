using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Realtime;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>A real SignalR client of the real hub, recording every server event it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private static readonly string[] EventNames = ["ticket-event", "new-message", "message-updated", "message-deleted", "new-attachment", "attachment-deleted"];

    private readonly Channel<(string Name, HubEvent Event)> _received = Channel.CreateUnbounded<(string, HubEvent)>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in EventNames)
        {
            connection.On<HubEvent>(name, e => _received.Writer.TryWrite((name, e)));
        }

        connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public Task Closed => _closed.Task;

    /// <summary>Connects with the token in the Authorization header (long polling) or, as browsers do, in the query string (WebSockets).</summary>
    public static async Task<HubClient> Connect(ApiFactory api, string token, bool queryStringToken = false)
    {
        var server = api.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, TicketsHub.Path), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                if (queryStringToken)
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    options.WebSocketFactory = async (context, cancellation) =>
                    {
                        var separator = context.Uri.Query.Length > 0 ? "&" : "?";
                        var browserLike = new Uri($"{context.Uri}{separator}access_token={Uri.EscapeDataString(token)}");
                        return await server.CreateWebSocketClient().ConnectAsync(browserLike, cancellation);
                    };
                }
                else
                {
                    options.Transports = HttpTransportType.LongPolling;
                    options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                }
            })
            .AddJsonProtocol(options => DomainJson.Configure(options.PayloadSerializerOptions))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<long> Join(string ticketNumber) => Connection.InvokeAsync<long>("JoinTicket", ticketNumber);

    /// <summary>The next event received, waiting up to <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<(string Name, HubEvent Event)> Next(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(cancellation.Token);
    }

    /// <summary>Events received until one with <paramref name="seq"/> arrives (inclusive).</summary>
    public async Task<List<(string Name, HubEvent Event)>> UntilSeq(long seq)
    {
        var events = new List<(string, HubEvent)>();
        while (true)
        {
            var next = await Next();
            events.Add(next);
            if (next.Event.Seq >= seq)
            {
                return events;
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
