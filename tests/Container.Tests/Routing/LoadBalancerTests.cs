using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Container.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Load;

namespace TicketPlatform.Container.Tests.Routing;

[Collection(nameof(Deployment))]
public sealed class LoadBalancerTests(Deployment deployment)
{
    [Fact]
    public async Task A_ticket_created_through_nginx_is_read_back_on_several_requests_and_both_Api_nodes_answer()
    {
        deployment.Require();
        using var client = deployment.Entries[0].Client(await deployment.Token("lb-reader"));
        var created = await client.PostAsJsonAsync("/api/tickets", new { title = "Balanced", description = "through nginx", priority = "URGENT" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString()!;

        for (var i = 0; i < 6; i++)
        {
            var read = await client.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}", TestContext.Current.CancellationToken);
            Assert.Equal("Balanced", read.GetProperty("title").GetString());
            Assert.Equal("URGENT", read.GetProperty("priority").GetString());
        }

        // Each Api node logs one line per request with its path: both must have served reads of this ticket. The log
        // is written in batches, so the last lines may reach the container's output a moment after the response.
        foreach (var node in new[] { "api-1", "api-2" })
        {
            var container = (await deployment.Containers(node)).Single();
            await Eventually.Until(
                async () => (await deployment.Logs(container)).Split('\n').Count(line => line.Contains($"/api/tickets/{number}", StringComparison.Ordinal)),
                lines => lines > 0,
                $"a log line of {node} naming {number}");
        }
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/METRICS")]
    [InlineData("/metrics/")]
    public async Task Metrics_are_not_served_through_the_load_balancer(string path)
    {
        deployment.Require();
        using var client = new HttpClient { BaseAddress = deployment.Url };

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("tickets_total", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_silo_serves_the_Orleans_Dashboard_on_its_own_port_and_nginx_does_not()
    {
        deployment.Require();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var silos = await deployment.Containers("silo");
        Assert.Equal(3, silos.Count);
        foreach (var silo in silos)
        {
            var page = await client.GetAsync(new Uri($"http://{await deployment.Address(silo)}:8081/"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Orleans", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        }

        var throughNginx = await client.GetAsync(new Uri(deployment.Url, "/dashboard"), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, throughNginx.StatusCode);
    }
}
