using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Load;
using TicketPlatform.TestSupport.Webhooks;

namespace TicketPlatform.Cluster.Tests.Webhooks;

[Collection(nameof(ClusterFixture))]
public sealed class WebhookFailoverTests(ClusterFixture cluster)
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Both original silos are killed in turn while a slow receiver keeps deliveries in flight, so whichever silo hosted
    /// the endpoint's deliverer was killed in the middle of a delivery.
    /// </summary>
    [Fact]
    public async Task Killing_the_silo_of_the_deliverer_mid_delivery_loses_no_event_and_a_resent_event_keeps_its_webhook_id()
    {
        cluster.Require();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerDelay = TimeSpan.FromMilliseconds(50);
        var secret = await Register(receiver);
        var load = await WriteLoad.Prepare(cluster, "webhook-failover", tickets: 2);
        using var stop = new CancellationTokenSource();
        var running = load.Run(TimeSpan.FromMinutes(3), stop.Token);

        foreach (var _ in cluster.Silos.ToArray())
        {
            var before = receiver.Received.Count;
            await Eventually.True(() => Task.FromResult(receiver.Received.Count >= before + 10), "deliveries under way before the kill");
            var victim = cluster.Silos[0];
            await victim.Kill();
            await cluster.ReplaceSilo(victim);
        }

        await stop.CancelAsync();
        await running;

        var stored = await StoredSeqs(load.Tickets);
        foreach (var (ticket, seqs) in stored)
        {
            await Eventually.Until(
                () => Task.FromResult(receiver.About(ticket)),
                received => seqs.ToHashSet().IsSubsetOf(received.Where(r => r.Succeeded).Select(r => r.Seq)),
                $"every event of {ticket} (seq 1..{seqs.Length}) acknowledged by the receiver",
                DrainLimit);
        }

        var all = load.Tickets.SelectMany(receiver.About).ToArray();
        foreach (var ticket in load.Tickets)
        {
            var firstArrivals = receiver.About(ticket).DistinctBy(r => r.Seq).Select(r => r.Seq);
            Assert.Equal(stored[ticket], firstArrivals);
        }

        Assert.All(all.GroupBy(r => (r.TicketNumber, r.Seq)), sent => Assert.Single(sent.Select(r => r.Id).Distinct()));
        Assert.Equal(all.Select(r => (r.TicketNumber, r.Seq)).Distinct().Count(), all.Select(r => r.Id).Distinct().Count());
        Assert.All(all, r => SignatureCheck.AssertSignedWith(r, secret));
        FailoverAssertions.Say($"{stored.Values.Sum(s => s.Length)} events, {all.Length} requests received ({all.Length - all.DistinctBy(r => r.Id).Count()} sent again)");
    }

    private async Task<string> Register(WebhookReceiver receiver)
    {
        var admin = ClusterFixture.Client(cluster.Apis[0], await cluster.StaffToken("webhook-failover-admin", "ADMIN"));
        var created = await admin.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "*" }, includeInternal = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    private async Task<Dictionary<string, long[]>> StoredSeqs(IEnumerable<string> tickets)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString);
        var rows = await connection.QueryAsync<(string Number, long Seq)>(
            "SELECT ticket_number, seq FROM events WHERE ticket_number = ANY(@numbers) ORDER BY ticket_number, seq", new { numbers = tickets.ToArray() });
        return rows.GroupBy(row => row.Number).ToDictionary(g => g.Key, g => g.Select(row => row.Seq).ToArray());
    }
}
