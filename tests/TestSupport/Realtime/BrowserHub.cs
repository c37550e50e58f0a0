using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace TicketPlatform.TestSupport.Realtime;

/// <summary>
/// A SignalR client of a real Api node or load balancer, connected as browsers do (WebSockets, the token as
/// <c>access_token</c> in the query) and reading every push as plain JSON, as a chat UI would.
/// </summary>
public sealed class BrowserHub : IAsyncDisposable
{
    private static readonly string[] Pushes =
    [
        "ticket-event", "new-message", "message-updated", "message-deleted", "new-attachment", "attachment-deleted",
        "room-closed", "presence", "typing",
    ];

    private readonly Channel<(string Name, JsonElement Event)> _received = Channel.CreateUnbounded<(string, JsonElement)>();

    private BrowserHub(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in Pushes)
        {
            connection.On<JsonElement>(name, e => _received.Writer.TryWrite((name, e)));
        }
    }

    public HubConnection Connection { get; }

    public static async Task<BrowserHub> Connect(Uri service, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(service, $"/hubs/tickets?access_token={Uri.EscapeDataString(token)}"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var hub = new BrowserHub(connection);
        await connection.StartAsync();
        return hub;
    }

    public Task<long> Join(string ticketNumber) => Connection.InvokeAsync<long>("JoinTicket", ticketNumber);

    /// <summary>The next push other than <c>presence</c> and <c>typing</c>.</summary>
    public Task<(string Name, JsonElement Event)> Next(TimeSpan timeout) =>
        NextWhere(push => push.Name is not ("presence" or "typing"), timeout);

    /// <summary>The next push that <paramref name="accept"/> takes; the ones before it are dropped.</summary>
    public async Task<(string Name, JsonElement Event)> NextWhere(Func<(string Name, JsonElement Event), bool> accept, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        return await NextWhere(accept, cancellation.Token);
    }

    /// <summary>As <see cref="NextWhere(Func{ValueTuple{string, JsonElement}, bool}, TimeSpan)"/>, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<(string Name, JsonElement Event)> NextWhere(Func<(string Name, JsonElement Event), bool> accept, CancellationToken cancellationToken)
    {
        while (true)
        {
            var push = await _received.Reader.ReadAsync(cancellationToken);
            if (accept(push))
            {
                return push;
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
