using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Cluster.Tests.Observability;

[Collection(nameof(ClusterFixture))]
public sealed partial class MetricsTests(ClusterFixture cluster)
{
    private static readonly HttpClient Scraper = new();

    [Fact]
    public async Task An_Api_node_shows_the_HTTP_metrics_with_route_templates_and_leaves_the_domain_counters_to_the_silos()
    {
        cluster.Require();
        var client = ClusterFixture.Client(cluster.Apis[0], await cluster.Token("metrics-reader"));
        var created = await client.PostAsJsonAsync("/api/tickets", new { title = "Measured", description = "for metrics" }, TestContext.Current.CancellationToken);
        var number = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString();
        await client.GetAsync($"/api/tickets/{number}", TestContext.Current.CancellationToken);

        // The request is recorded after its response went out, and the exporter may serve a cached scrape: wait for it.
        var metrics = await Eventually.Until(
            () => Scrape(cluster.Apis[0]), text => ReadOfTicket().IsMatch(text), "the GET of the ticket in the Api node's scrape");

        Assert.Matches(@"(?m)^http_requests_total\{[^}]*method=""POST"",route=""/api/tickets"",status=""201""\} \d+", metrics);
        Assert.Matches(@"(?m)^http_request_duration_seconds_bucket\{[^}]*route=""/api/tickets/\{number\}""[^}]*le=""0.5""\} \d+", metrics);
        Assert.DoesNotMatch(@"(?m)^(tickets|messages)_total\b", metrics); // one source: the silos count them, never the Api nodes
        Assert.DoesNotContain(number!, metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silos_count_tickets_created_and_messages_posted()
    {
        cluster.Require();
        var before = await TicketsCreatedInCluster();
        var client = ClusterFixture.Client(cluster.Apis[1], await cluster.Token("metrics-writer"));
        var created = await client.PostAsJsonAsync("/api/tickets", new { title = "Counted", description = "for metrics" }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        // The exporter may serve a scrape cached from before the write (it did: "expected 18, actual 17").
        var after = await Eventually.Until(TicketsCreatedInCluster, count => count > before, "the silos' tickets_total to count the new ticket");

        Assert.Equal(before + 1, after);
        Assert.All(await Task.WhenAll(cluster.Silos.Select(Scrape)), silo => Assert.Matches(@"(?m)^messages_total\{[^}]*\} \d+", silo));
    }

    private async Task<long> TicketsCreatedInCluster() => (await Task.WhenAll(cluster.Silos.Select(Scrape)))
        .Sum(text => TicketsTotal().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);

    private static Task<string> Scrape(ServiceProcess process) => Scraper.GetStringAsync(new Uri(process.Url, "/metrics"));

    [GeneratedRegex(@"(?m)^http_requests_total\{[^}]*method=""GET"",route=""/api/tickets/\{number\}"",status=""200""\} \d+")]
    private static partial Regex ReadOfTicket();

    [GeneratedRegex(@"(?m)^tickets_total\{[^}]*\} (\d+)")]
    private static partial Regex TicketsTotal();
}
