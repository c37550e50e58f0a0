using System.Net;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Realtime;

namespace TicketPlatform.Cluster.Tests.Observability;

[Collection(nameof(ClusterFixture))]
public sealed class LogRedactionTests(ClusterFixture cluster)
{
    [Fact]
    public async Task No_token_reaches_a_log_line_of_any_process()
    {
        cluster.Require();
        var api = cluster.Apis[0];
        var token = await cluster.Token("log-reader");
        Assert.Equal(HttpStatusCode.OK, (await ClusterFixture.Client(api, token).GetAsync("/api/users/me", TestContext.Current.CancellationToken)).StatusCode);
        await using (var hub = await BrowserHub.Connect(api.Url, token))
        {
            await hub.Connection.StopAsync(TestContext.Current.CancellationToken);
        }

        using var bad = new HttpClient { BaseAddress = api.Url };
        await bad.GetAsync($"/hubs/tickets/negotiate?negotiateVersion=1&access_token={token}x", TestContext.Current.CancellationToken);
        // The process writes its log asynchronously; the line of the refused negotiate is the last one awaited.
        var log = await Eventually.Until(() => Task.FromResult(api.Output), output => output.Contains("access_token=[REDACTED]", StringComparison.Ordinal), "the refused negotiate's log line");
        Assert.Contains("\"@tr\":", log, StringComparison.Ordinal);
        // The request line of the first call: rendered, with its route template, from the request-logging middleware.
        Assert.Matches(@"(?m)^\{[^\n]*""@m"":""HTTP \\""GET\\"" \\""/api/users/me\\"" responded 200 in [0-9.]+ ms""[^\n]*""Route"":""/api/users/me""[^\n]*""SourceContext"":""TicketPlatform.RequestLine""", log);
        foreach (var process in cluster.Processes)
        {
            foreach (var minted in cluster.Tokens)
            {
                Assert.DoesNotContain(minted.Split('.')[2], process.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(minted.Split('.')[1], process.Output, StringComparison.Ordinal);
            }
        }
    }
}
