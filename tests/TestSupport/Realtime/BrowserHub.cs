using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace TicketPlatform.TestSupport.Realtime;

/// <summary>A SignalR client of a real Api node or load balancer, connected as browsers do: WebSockets, the token as <c>access_token</c> in the query.</summary>
public sealed class BrowserHub : IAsyncDisposable
{
    private readonly Channel<(string Name, System.Text.Json.JsonElement Event)> _received = Channel.CreateUnbounded<(string, System.Text.Json.JsonElement)>();

    private BrowserHub(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in new[] { "ticket-event", "new-message" })
        {
            connection.On<System.Text.Json.JsonElement>(name, e => _received.Writer.TryWrite((name, e)));
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

    public async Task<(string Name, System.Text.Json.JsonElement Event)> Next(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        return await _received.Reader.ReadAsync(cancellation.Token);
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
