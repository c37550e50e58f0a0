using TicketPlatform.Container.Tests.Fixtures;
using TicketPlatform.TestSupport.Load;

namespace TicketPlatform.Container.Tests.Failover;

[Collection(nameof(Deployment))]
public sealed class DatabaseRestartTests(Deployment deployment)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task While_the_PostgreSQL_container_restarts_requests_get_503_with_Retry_After_and_everything_recovers_with_no_other_container_restarted()
    {
        deployment.Require();
        var postgres = (await deployment.Containers("postgres")).Single();
        var others = (await deployment.AllContainers()).Where(c => c != postgres).ToList();
        var before = await Starts(others);
        var load = await WriteLoad.Prepare(deployment, "container-db-restart", tickets: 8);
        using var stop = new CancellationTokenSource();
        var running = load.Run(TimeSpan.FromSeconds(150), stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var down = load.Elapsed;
        await Deployment.Docker("stop", postgres);
        await Task.Delay(Outage, TestContext.Current.CancellationToken);
        await Deployment.Docker("start", postgres);
        var up = load.Elapsed;
        var recovered = await load.WaitUntilQuiet(up, quiet: TimeSpan.FromSeconds(5), limit: FailoverAssertions.RecoveryLimit);
        await stop.CancelAsync();
        await running;

        // In flight while the database was down. Not "sent while it was down": with the container gone its name stops
        // resolving, and a lookup on Docker's internal network can take seconds, so every writer may sit in one request.
        var duringOutage = load.Outcomes.Where(o => o.At + o.Took > down + TimeSpan.FromSeconds(1) && o.At < up).ToList();
        var report = LoadReport.Of(load.Outcomes, down);
        FailoverAssertions.Report($"PostgreSQL container stopped at +0 s and started at +{(up - down).TotalSeconds:F2} s", report);
        Assert.True(recovered, $"writes did not recover within {FailoverAssertions.RecoveryLimit} of the restart: {report}");
        Assert.Contains(duringOutage, o => o.Status == 503);
        FailoverAssertions.FailuresWereProblemsNotHangs(load, o => o.Status == 503 && o.HasRetryAfter);
        await FailoverAssertions.NothingAcknowledgedIsLost(load, deployment.ConnectionString);
        await FailoverAssertions.EveryTicketIsWritableThroughEveryNode(load, load.Nodes);
        Assert.Equal(before, await Starts(others));
    }

    /// <summary>Per container: when it last started and how often Docker restarted it.</summary>
    private async Task<Dictionary<string, string>> Starts(IEnumerable<string> containers)
    {
        var starts = new Dictionary<string, string>();
        foreach (var container in containers)
        {
            var state = await deployment.Inspect(container);
            starts[state.GetProperty("Name").GetString()!] =
                $"started {state.GetProperty("State").GetProperty("StartedAt").GetString()}, restarts {state.GetProperty("RestartCount").GetInt32()}";
        }

        return starts;
    }
}
