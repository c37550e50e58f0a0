using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport.Load;

namespace TicketPlatform.Cluster.Tests.Failover;

[Collection(nameof(ClusterFixture))]
public sealed class GracefulShutdownTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Stopping_a_silo_with_SIGTERM_under_load_fails_no_request()
    {
        cluster.Require();
        var load = await WriteLoad.Prepare(cluster, "sigterm", tickets: 8);
        using var stop = new CancellationTokenSource();
        var running = load.Run(TimeSpan.FromSeconds(120), stop.Token);

        await load.Succeeded(since: TimeSpan.Zero, writes: 24);
        var leaving = cluster.Silos[0];
        try
        {
            var fault = load.Elapsed;
            await leaving.Terminate(TimeSpan.FromSeconds(60));
            var stoppedAfter = load.Elapsed - fault;
            await load.Succeeded(since: fault + stoppedAfter, writes: 48); // every ticket written several times by the silo that stays
            await stop.CancelAsync();
            await running;

            var report = LoadReport.Of(load.Outcomes, fault);
            FailoverAssertions.Report($"SIGTERM of one of two silos (it exited after {stoppedAfter.TotalSeconds:F2} s)", report);
            var failed = load.Outcomes.Where(o => !o.Succeeded).ToList();
            Assert.True(failed.Count == 0, $"{failed.Count} requests failed, first {failed.FirstOrDefault()}; the Api nodes' warnings:\n{Warnings()}");
            await FailoverAssertions.NothingAcknowledgedIsLost(load, cluster.ConnectionString);
        }
        finally
        {
            // The next tests of the collection need two silos and no load of this one, whatever its verdict.
            await stop.CancelAsync();
            await cluster.ReplaceSilo(leaving);
        }
    }

    // What the Api nodes logged about failed requests: the exception behind a 503 says which step refused.
    private string Warnings() => string.Join('\n', cluster.Apis.SelectMany(api => api.Output.Split('\n')
        .SkipWhile(line => !line.Contains("unavailable", StringComparison.OrdinalIgnoreCase)).Take(40).Select(line => $"{api.Name}: {line}")));
}
