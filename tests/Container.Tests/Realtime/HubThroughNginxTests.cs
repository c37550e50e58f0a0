using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Container.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Realtime;

namespace TicketPlatform.Container.Tests.Realtime;

[Collection(nameof(Deployment))]
public sealed class HubThroughNginxTests(Deployment deployment)
{
    [Fact]
    public async Task A_SignalR_client_over_WebSockets_through_nginx_receives_a_message_posted_through_REST_and_nginx_logs_no_token()
    {
        deployment.Require();
        var token = await deployment.Token("hub-watcher");
        using var client = deployment.Entries[0].Client(token);
        var created = await client.PostAsJsonAsync("/api/tickets", new { title = "Watched", description = "through nginx" }, TestContext.Current.CancellationToken);
        var body = await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/tickets answered {(int)created.StatusCode}: {body}");
        var number = JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
        var hub = await BrowserHub.Connect(deployment.Url, token);
        await hub.Join(number);

        var posted = await client.PostAsJsonAsync($"/api/tickets/{number}/messages", new { content = "hello through the load balancer" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var messageId = (await posted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;
        var (name, received) = await hub.Next(TimeSpan.FromSeconds(30));

        Assert.Equal("new-message", name);
        Assert.Equal(number, received.GetProperty("ticketNumber").GetString());
        Assert.Equal("MESSAGE_POSTED", received.GetProperty("event").GetProperty("type").GetString());
        Assert.Contains(messageId, received.GetProperty("event").GetProperty("payload").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("hello through the load balancer", received.GetProperty("message").GetProperty("content").GetString());

        // nginx logs a WebSocket request when it closes.
        await hub.DisposeAsync();
        var nginx = (await deployment.Containers("nginx")).Single();
        var nginxLogs = await Eventually.Until(() => deployment.Logs(nginx), logs => logs.Contains("/hubs/tickets", StringComparison.Ordinal), "nginx's log line of the hub request");
        Assert.DoesNotContain("access_token", nginxLogs, StringComparison.Ordinal);
        Assert.DoesNotContain(token, nginxLogs, StringComparison.Ordinal);
    }
}
