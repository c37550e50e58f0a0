using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport.Realtime;

namespace TicketPlatform.Cluster.Tests.Realtime;

[Collection(nameof(ClusterFixture))]
public sealed class CrossNodeTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_ticket_created_through_one_Api_node_is_read_through_the_other()
    {
        cluster.Require();
        var token = await cluster.Token("cross-reader");
        var created = await ClusterFixture.Client(cluster.Apis[0], token).PostAsJsonAsync("/api/tickets",
            new { title = "Seen everywhere", description = "created on api-1", priority = "URGENT" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString();

        var read = await ClusterFixture.Client(cluster.Apis[1], token).GetFromJsonAsync<JsonElement>($"/api/tickets/{number}", TestContext.Current.CancellationToken);

        Assert.Equal("Seen everywhere", read.GetProperty("title").GetString());
        Assert.Equal("URGENT", read.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task A_SignalR_client_on_one_node_sees_a_change_posted_through_the_other()
    {
        cluster.Require();
        var token = await cluster.Token("cross-watcher");
        var writer = ClusterFixture.Client(cluster.Apis[0], token);
        var created = await writer.PostAsJsonAsync("/api/tickets", new { title = "Watched", description = "across nodes" }, TestContext.Current.CancellationToken);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString()!;
        await using var hub = await BrowserHub.Connect(cluster.Apis[1].Url, token);
        var lastSeq = await hub.Join(number);

        var changed = await writer.PatchAsJsonAsync($"/api/tickets/{number}/priority", new { priority = "LOW" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var (name, e) = await hub.Next(TimeSpan.FromSeconds(15));

        Assert.Equal("ticket-event", name);
        Assert.Equal(number, e.GetProperty("ticketNumber").GetString());
        Assert.Equal(lastSeq + 1, e.GetProperty("seq").GetInt64());
        Assert.Equal("PRIORITY_CHANGED", e.GetProperty("event").GetProperty("type").GetString());
    }
}
