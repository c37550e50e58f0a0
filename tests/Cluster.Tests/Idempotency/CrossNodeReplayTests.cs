using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Cluster.Tests.Fixtures;

namespace TicketPlatform.Cluster.Tests.Idempotency;

[Collection(nameof(ClusterFixture))]
public sealed class CrossNodeReplayTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_post_retried_through_the_other_Api_node_is_replayed_not_repeated()
    {
        cluster.Require();
        var token = await cluster.Token($"cross-retrier-{Guid.NewGuid():N}");
        var key = $"cross-node-{Guid.NewGuid():N}";
        var body = new { title = "Retried elsewhere", description = "the first answer was lost on the way" };

        var first = await Post(ClusterFixture.Client(cluster.Apis[0], token), body, key);
        var retried = await Post(ClusterFixture.Client(cluster.Apis[1], token), body, key);
        var reused = await Post(ClusterFixture.Client(cluster.Apis[1], token), body with { title = "Something else" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await Number(first), await Number(retried));
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (await reused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString());
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string?> Number(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString();
}
