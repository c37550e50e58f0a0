using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Observability;

/// <summary>The embedded profile hosts the grains, so its one process shows the HTTP and the domain metrics.</summary>
[Collection(nameof(MeteredApi))]
public sealed class MetricsTests(MeteredApi fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Metrics_show_requests_by_route_template_their_durations_and_the_domain_counters_without_a_token()
    {
        var user = await NewUser();
        var created = await user.Client.PostAsJsonAsync("/api/tickets", new { title = "Measured", description = "metrics" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = created.Headers.Location!.ToString().Split('/')[^1];
        await user.Client.GetAsync($"/api/tickets/{number}", TestContext.Current.CancellationToken);

        // The request is recorded after its response went out, and the exporter may serve a cached scrape: wait for it.
        var scraper = Api.CreateClient();
        var metrics = await Eventually.Until(
            () => scraper.GetStringAsync("/metrics", TestContext.Current.CancellationToken),
            text => Regex.IsMatch(text, @"(?m)^http_requests_total\{[^}]*method=""GET"",route=""/api/tickets/\{number\}"",status=""200""\} \d+"),
            "the GET of the ticket in the scrape");

        Assert.Matches(@"(?m)^http_request_duration_seconds_count\{[^}]*method=""POST"",route=""/api/tickets"",status=""201""\} \d+", metrics);
        Assert.Matches(@"(?m)^tickets_total\{[^}]*\} [1-9]\d*", metrics);
        Assert.Matches(@"(?m)^messages_total\{[^}]*\} \d+", metrics);
        Assert.DoesNotContain(number, metrics, StringComparison.Ordinal);
    }
}
