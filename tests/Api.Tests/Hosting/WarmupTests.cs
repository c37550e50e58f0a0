using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Api.Warmup;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Hosting;

/// <summary>
/// The warm-up at start (off in the other tests): the node reports ready only once it has sent its requests and
/// pushes to itself, and they leave nothing in the database and nothing in the HTTP metrics.
/// </summary>
[Collection(nameof(AloneInProcess))]
public sealed class WarmupTests
{
    [Fact]
    public async Task The_node_is_ready_only_after_its_warm_up_which_writes_and_counts_nothing()
    {
        var api = await ApiFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["TicketPlatform:Warmup:Enabled"] = "true" });
        try
        {
            var warmup = api.Services.GetRequiredService<StartupWarmup>();
            var client = api.CreateClient();
            var notReady = new List<string>();
            await Eventually.True(
                async () =>
                {
                    var ready = await client.GetAsync("/health/ready");
                    if (!ready.IsSuccessStatusCode)
                    {
                        notReady.Add($"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}");
                    }

                    return ready.IsSuccessStatusCode;
                },
                "the node to report ready",
                TimeSpan.FromMinutes(2));

            // Degraded, not Unhealthy: a warming node is logged as a warning on every poll, not as an error.
            Assert.NotEmpty(notReady);
            Assert.All(notReady, answer => Assert.Equal("503 Degraded", answer));

            Assert.True(warmup.Finished, "ready before the warm-up finished");
            Assert.True(warmup.Rounds > 0, "no round of the warm-up reached the node");
            foreach (var table in new[] { "users", "tickets", "events", "participants" })
            {
                Assert.Equal(0, await api.Database.Scalar<long>($"SELECT COUNT(*) FROM {table}"));
            }

            // The readiness polls above are counted, so the scrape is known to hold this node's requests.
            var metrics = await Eventually.Until(
                () => client.GetStringAsync("/metrics"),
                text => text.Contains("route=\"/health/ready\"", StringComparison.Ordinal),
                "the readiness polls in the scrape");
            Assert.DoesNotContain("route=\"/health/live\"", metrics, StringComparison.Ordinal);
            Assert.DoesNotContain(WarmupHub.Path, metrics, StringComparison.Ordinal);
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }
}

/// <summary>Nobody but the node's own warm-up connects to its hub: not a stranger, not a signed-in user.</summary>
public abstract class WarmupHubTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Negotiate = $"{WarmupHub.Path}/negotiate?negotiateVersion=1";

    [Fact]
    public async Task Only_requests_with_the_nodes_own_marker_reach_the_warm_up_hub()
    {
        var user = await NewUser();
        var anonymous = Api.CreateClient();
        var marked = Api.CreateClient();
        marked.DefaultRequestHeaders.Add(WarmupMarker.HeaderName, Api.Services.GetRequiredService<WarmupMarker>().Value);
        var guessed = Api.CreateClient();
        guessed.DefaultRequestHeaders.Add(WarmupMarker.HeaderName, Convert.ToBase64String(new byte[32]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guessed.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marked.PostAsync(Negotiate, null)).StatusCode);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteWarmupHubTests(SqliteApi fixture) : WarmupHubTests(fixture);
