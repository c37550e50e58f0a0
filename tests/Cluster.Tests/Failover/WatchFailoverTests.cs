using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Realtime;

namespace TicketPlatform.Cluster.Tests.Failover;

/// <summary>
/// A room whose ticket grain lived on a killed silo receives new events again soon after the cluster declares that
/// silo dead: the Api node renews its watches when the silo leaves the cluster manifest. The node of this test renews
/// periodically only once an hour, so nothing else can restore the watch within the bound.
/// </summary>
[Collection(nameof(ClusterFixture))]
public sealed class WatchFailoverTests(ClusterFixture cluster)
{
    /// <summary>The bound, from the death declaration (as read in the membership table) to a push received.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_room_receives_again_within_five_seconds_of_its_grains_silo_being_declared_dead()
    {
        cluster.Require();
        var token = await cluster.Token($"failover-{Guid.NewGuid():N}"[..17]);
        await using var api = await cluster.StartApi("api-failover", new Dictionary<string, string> { ["TicketPlatform__Realtime__RenewInterval"] = "01:00:00" });
        var client = ClusterFixture.Client(api, token);
        var created = await client.PostAsJsonAsync("/api/tickets", new { title = "Watched through a failover", description = "kill -9" });
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        await using var hub = await BrowserHub.Connect(api.Url, token);
        await hub.Join(number);
        Assert.Equal(HttpStatusCode.Created, await Post(client, number, "before", CancellationToken.None));
        Assert.Equal("before", ContentOf(await hub.NextWhere(push => push.Name == "new-message", Wait)));

        // Whichever of the two original silos hosts the ticket's grain, one of these kills hits it.
        foreach (var victim in cluster.Silos.ToArray())
        {
            var deadBefore = await DeadSilos();
            await victim.Kill();
            await Eventually.True(async () => await DeadSilos() > deadBefore, $"the cluster to declare {victim.Name} dead");
            var received = await ReceivesAgainWithin(Bound, hub, client, number, victim.Name);
            Assert.True(received, $"no message posted after {victim.Name} was declared dead reached the room within {Bound.TotalSeconds} s");
            await cluster.ReplaceSilo(victim);
        }
    }

    /// <summary>
    /// Posts a message every half second (the ones posted before the watch is back reach the room by seq catch-up, not
    /// by push) and says whether one of them was pushed to the room before <paramref name="bound"/> ran out.
    /// </summary>
    private static async Task<bool> ReceivesAgainWithin(TimeSpan bound, BrowserHub hub, HttpClient client, string number, string victim)
    {
        using var deadline = new CancellationTokenSource(bound);
        var posted = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; ; i++)
            {
                var content = $"after {victim} #{i}";
                if (await Post(client, number, content, deadline.Token) == HttpStatusCode.Created)
                {
                    posted.Add(content);
                }

                using var slice = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                slice.CancelAfter(TimeSpan.FromMilliseconds(500));
                try
                {
                    await hub.NextWhere(push => push.Name == "new-message" && posted.Contains(ContentOf(push) ?? ""), slice.Token);
                    return true;
                }
                catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
                {
                    // Not yet: post another.
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<HttpStatusCode> Post(HttpClient client, string number, string content, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"/api/tickets/{number}/messages", new { content }, cancellationToken);
        return response.StatusCode;
    }

    private static string? ContentOf((string Name, JsonElement Event) push) => push.Event.GetProperty("message").GetProperty("content").GetString();

    private async Task<long> DeadSilos()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 6");
    }
}
