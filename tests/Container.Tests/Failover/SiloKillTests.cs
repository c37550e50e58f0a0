using TicketPlatform.Container.Tests.Fixtures;
using TicketPlatform.TestSupport.Load;

namespace TicketPlatform.Container.Tests.Failover;

[Collection(nameof(Deployment))]
public sealed class SiloKillTests(Deployment deployment)
{
    [Fact]
    public async Task Docker_kill_of_one_of_three_silos_under_load_loses_no_acknowledged_write_and_writes_recover()
    {
        deployment.Require();
        var load = await WriteLoad.Prepare(deployment, "container-kill", tickets: 8);
        using var stop = new CancellationTokenSource();
        var running = load.Run(TimeSpan.FromSeconds(150), stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var victim = (await deployment.Containers("silo"))[0];
        var fault = load.Elapsed;
        await Deployment.Docker("kill", victim);
        var recovered = await load.WaitUntilQuiet(fault, quiet: TimeSpan.FromSeconds(5), limit: FailoverAssertions.RecoveryLimit);
        await stop.CancelAsync();
        await running;

        var report = LoadReport.Of(load.Outcomes, fault);
        FailoverAssertions.Report("docker kill of one of three silo containers", report);
        FailoverAssertions.Say($"recovery time (fault until the end of the last failed request): {report.FailureWindow.TotalSeconds:F2} s");
        Assert.True(recovered, $"writes did not recover within {FailoverAssertions.RecoveryLimit}: {report}");
        FailoverAssertions.FailuresWereProblemsNotHangs(load, o => o.Status >= 500);
        await FailoverAssertions.NothingAcknowledgedIsLost(load, deployment.ConnectionString);
        await FailoverAssertions.EveryTicketIsWritableThroughEveryNode(load, load.Nodes);

        // Docker's restart policy ignores a container stopped by `docker kill` (a manual stop), so the test restarts it
        // itself: the deployment is whole again for the next test.
        await Deployment.Docker("start", victim);
        await deployment.WaitHealthy(TimeSpan.FromMinutes(3));
    }
}
