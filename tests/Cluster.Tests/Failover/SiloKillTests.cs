using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport.Load;

namespace TicketPlatform.Cluster.Tests.Failover;

[Collection(nameof(ClusterFixture))]
public sealed class SiloKillTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Killing_one_of_two_silos_under_load_loses_no_acknowledged_write_and_writes_recover()
    {
        cluster.Require();
        var load = await WriteLoad.Prepare(cluster, "kill", tickets: 8);
        using var stop = new CancellationTokenSource();
        var running = load.Run(TimeSpan.FromSeconds(120), stop.Token);

        await load.Succeeded(since: TimeSpan.Zero, writes: 24);
        var victim = cluster.Silos[0];
        try
        {
            var fault = load.Elapsed;
            await victim.Kill();
            var recovered = await load.WaitUntilQuiet(fault, quiet: TimeSpan.FromSeconds(5), limit: FailoverAssertions.RecoveryLimit);
            await stop.CancelAsync();
            await running;

            var report = LoadReport.Of(load.Outcomes, fault);
            FailoverAssertions.Report("kill -9 of one of two silos", report);
            Assert.True(recovered, $"writes did not recover within {FailoverAssertions.RecoveryLimit}: {report}");
            FailoverAssertions.FailuresWereProblemsNotHangs(load, o => o.Status >= 500);
            await FailoverAssertions.NothingAcknowledgedIsLost(load, cluster.ConnectionString);
            await FailoverAssertions.EveryTicketIsWritableThroughEveryNode(load, load.Nodes);
        }
        finally
        {
            // The next tests of the collection need two silos and no load of this one, whatever its verdict.
            await stop.CancelAsync();
            await cluster.ReplaceSilo(victim);
        }
    }
}
