using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport.Realtime;

namespace TicketPlatform.Cluster.Tests.Realtime;

/// <summary>Content, visibility and presence of pushes with the two parties on different Api nodes.</summary>
[Collection(nameof(ClusterFixture))]
public sealed class CrossNodePushTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Message_text_and_presence_cross_nodes_and_an_internal_note_reaches_only_staff()
    {
        cluster.Require();
        var cancel = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var userToken = await cluster.Token($"cross-user-{suffix}");
        var adminToken = await cluster.Token($"cross-admin-{suffix}", "ADMIN");
        var user = ClusterFixture.Client(cluster.Apis[0], userToken);
        var admin = ClusterFixture.Client(cluster.Apis[1], adminToken);
        var created = await user.PostAsJsonAsync("/api/tickets", new { title = "Chat across nodes", description = "two nodes" }, cancel);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("number").GetString()!;
        var userId = (await user.GetFromJsonAsync<JsonElement>("/api/users/me", cancel)).GetProperty("id").GetGuid();
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/users/me", cancel)).GetProperty("id").GetGuid();
        await using var userHub = await BrowserHub.Connect(cluster.Apis[0].Url, userToken);
        await using var adminHub = await BrowserHub.Connect(cluster.Apis[1].Url, adminToken);
        await userHub.Join(number);
        await adminHub.Join(number);

        var presence = await adminHub.NextWhere(push => push.Name == "presence" && Viewers(push.Event).Count == 2, Wait);
        Assert.Equal(new[] { userId, adminId }.Order(), Viewers(presence.Event).Order());
        await Post(user, number, "Hello from node one", "PUBLIC");
        foreach (var hub in new[] { userHub, adminHub })
        {
            var (name, push) = await hub.Next(Wait);
            Assert.Equal(("new-message", "Hello from node one"), (name, push.GetProperty("message").GetProperty("content").GetString()));
        }

        await Post(admin, number, "Staff eyes only", "INTERNAL");
        await Post(admin, number, "Barrier from node two", "PUBLIC");

        Assert.Equal("Staff eyes only", ContentOf(await adminHub.NextWhere(push => push.Name == "new-message", Wait)));
        var userNext = await userHub.NextWhere(push => push.Name == "new-message", Wait);
        Assert.Equal("Barrier from node two", ContentOf(userNext));
    }

    private static async Task Post(HttpClient client, string number, string content, string visibility)
    {
        var posted = await client.PostAsJsonAsync($"/api/tickets/{number}/messages", new { content, visibility }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
    }

    private static string? ContentOf((string Name, JsonElement Event) push) => push.Event.GetProperty("message").GetProperty("content").GetString();

    private static List<Guid> Viewers(JsonElement presence) =>
        [.. presence.GetProperty("viewers").EnumerateArray().Select(viewer => viewer.GetProperty("userId").GetGuid())];
}
