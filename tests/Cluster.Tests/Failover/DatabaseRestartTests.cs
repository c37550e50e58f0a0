using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Load;

namespace TicketPlatform.Cluster.Tests.Failover;

[Collection(nameof(ClusterFixture))]
public sealed class DatabaseRestartTests(ClusterFixture cluster)
{
    /// <summary>Requests already under way when the server stops may still finish; those started later meet the outage.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task While_PostgreSQL_restarts_requests_get_503_with_Retry_After_and_everything_recovers_without_restarting_a_process()
    {
        cluster.Require();
        var load = await WriteLoad.Prepare(cluster, "db-restart", tickets: 8);
        using var stop = new CancellationTokenSource();
        var running = load.Run(TimeSpan.FromSeconds(120), stop.Token);

        await load.Succeeded(since: TimeSpan.Zero, writes: 24);
        var down = load.Elapsed;
        await cluster.Server.Down();
        await Eventually.True(
            () => Task.FromResult(load.Outcomes.Count(o => o.At > down + Settle && o.Status == 503) >= 8), "requests to meet the outage as 503");
        var duringOutage = load.Outcomes.Where(o => o.At > down + Settle).ToList();
        await cluster.Server.Up();
        var up = load.Elapsed;
        var recovered = await load.WaitUntilQuiet(up, quiet: TimeSpan.FromSeconds(5), limit: FailoverAssertions.RecoveryLimit);
        await stop.CancelAsync();
        await running;

        var report = LoadReport.Of(load.Outcomes, down);
        FailoverAssertions.Report($"PostgreSQL stopped at +0 s and running again at +{(up - down).TotalSeconds:F2} s", report);
        Assert.True(recovered, $"writes did not recover within {FailoverAssertions.RecoveryLimit} of the restart: {report}");
        Assert.Contains(duringOutage, o => o.Status == 503);
        FailoverAssertions.FailuresWereProblemsNotHangs(load, o => o.Status == 503 && o.HasRetryAfter);
        await FailoverAssertions.NothingAcknowledgedIsLost(load, cluster.ConnectionString);
        await FailoverAssertions.EveryTicketIsWritableThroughEveryNode(load, load.Nodes);
        Assert.All(cluster.Processes, process => Assert.False(process.HasExited, $"{process.Name} exited"));
    }
}
