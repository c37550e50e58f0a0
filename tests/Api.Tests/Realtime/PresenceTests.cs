using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Realtime;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Realtime;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Realtime;

/// <summary><c>presence</c>: staff in a room learn who watches the ticket whenever someone joins or leaves; users never do.</summary>
public abstract class PresenceTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Staff_receive_presence_listing_everyone_in_the_room_and_users_receive_none()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await using var userHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject, name: "Rita Requester"));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject, name: "Andy Agent"), queryStringToken: true);
        var joinedAt = await userHub.Join(ticket.Number);
        await agentHub.Join(ticket.Number);

        var presence = await agentHub.NextLive(HubEvents.Presence, body => Viewers(body).Count == 2);

        Assert.Equal(ticket.Number, presence.Body.GetProperty("ticketNumber").GetString());
        var viewers = presence.Body.GetProperty("viewers").EnumerateArray().ToDictionary(v => v.GetProperty("userId").GetGuid());
        Assert.Equal(("Rita Requester", "USER"), (viewers[requester.Id].GetProperty("name").GetString(), viewers[requester.Id].GetProperty("role").GetString()));
        Assert.Equal(("Andy Agent", "AGENT"), (viewers[agent.Id].GetProperty("name").GetString(), viewers[agent.Id].GetProperty("role").GetString()));
        Assert.True(viewers[requester.Id].GetProperty("since").GetDateTimeOffset() <= viewers[agent.Id].GetProperty("since").GetDateTimeOffset());
        await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketPlatform.Tickets.TicketView>();
        await userHub.UntilSeq(joinedAt + 1);
        await userHub.RoundTrip();
        Assert.DoesNotContain(userHub.Received(), push => push.Name == HubEvents.Presence);
    }

    [Fact]
    public async Task A_viewer_who_disconnects_leaves_the_presence()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        await agentHub.Join(ticket.Number);
        var userHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await userHub.Join(ticket.Number);
        await agentHub.NextLive(HubEvents.Presence, body => Viewers(body).Contains(requester.Id));

        await userHub.DisposeAsync();

        var after = await agentHub.NextLive(HubEvents.Presence, body => !Viewers(body).Contains(requester.Id));
        Assert.Equal([agent.Id], Viewers(after.Body));
    }

    [Fact]
    public async Task A_killed_clients_presence_ends_without_a_goodbye()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        await agentHub.Join(ticket.Number);
        using var killed = await RawClientInRoom(Api.Token(requester.User.Subject), ticket.Number);
        await agentHub.NextLive(HubEvents.Presence, body => Viewers(body).Contains(requester.Id));

        killed.Abort();

        await agentHub.NextLive(HubEvents.Presence, body => !Viewers(body).Contains(requester.Id));
    }

    [Fact]
    public async Task The_viewers_of_a_node_that_stops_renewing_expire()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        await agentHub.Join(ticket.Number);
        var grains = Api.Services.GetRequiredService<IGrainFactory>();
        var deadNode = grains.CreateObjectReference<ITicketObserver>(new SilentNode());
        var remote = new PresenceViewer(Guid.NewGuid(), "On the other node", UserRole.Admin, DateTimeOffset.UtcNow);

        await grains.GetGrain<ITicketRealtimeGrain>(ticket.Number).Watch(deadNode, new NodePresence([remote], TimeSpan.FromSeconds(1), Announce: true));

        await agentHub.NextLive(HubEvents.Presence, body => Viewers(body).Contains(remote.UserId));
        var expired = await agentHub.NextLive(HubEvents.Presence, body => !Viewers(body).Contains(remote.UserId));
        Assert.Equal([agent.Id], Viewers(expired.Body));
    }

    private static List<Guid> Viewers(JsonElement presence) =>
        [.. presence.GetProperty("viewers").EnumerateArray().Select(viewer => viewer.GetProperty("userId").GetGuid())];

    /// <summary>A client that speaks the SignalR JSON protocol itself over a WebSocket it can kill without a close frame.</summary>
    private async Task<WebSocket> RawClientInRoom(string token, string number)
    {
        var uri = new Uri(Api.BaseAddress, $"{TicketsHub.Path}?access_token={Uri.EscapeDataString(token)}");
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(uri) { Scheme = "ws" }.Uri, CancellationToken.None);
        await Send(socket, """{"protocol":"json","version":1}""");
        await Send(socket, $$"""{"type":1,"invocationId":"1","target":"JoinTicket","arguments":["{{number}}"]}""");
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\"invocationId\":\"1\"", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            received.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
        }

        Assert.DoesNotContain("\"error\"", received.ToString(), StringComparison.Ordinal);
        return socket;
    }

    private static Task Send(WebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + '\u001e'), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>A node that watches and then never renews, as one that died would.</summary>
    private sealed class SilentNode : ITicketObserver
    {
        public Task OnCommitted(TicketCommit commit) => Task.CompletedTask;

        public Task OnPresence(string ticketNumber, PresenceViewer[] viewers) => Task.CompletedTask;

        public Task OnTyping(TypingNotice notice) => Task.CompletedTask;
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqlitePresenceTests(SqliteApi fixture) : PresenceTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresPresenceTests(PostgresApi fixture) : PresenceTests(fixture);
