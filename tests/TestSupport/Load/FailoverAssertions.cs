using Xunit;

namespace TicketPlatform.TestSupport.Load;

/// <summary>What must hold after any fault under load, whatever the fault was.</summary>
public static class FailoverAssertions
{
    /// <summary>Generous: a bound on recovery, not a speed claim (two cores shared with the rest of the suite).</summary>
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    public static async Task NothingAcknowledgedIsLost(WriteLoad load, string connectionString)
    {
        var stored = await StoredTimeline.Read(connectionString, load.Tickets);
        Assert.Empty(stored.TicketsWithGapsOrDuplicates());
        var acknowledged = load.Outcomes.Where(o => o.IsWrite && o.Succeeded).ToList();
        var lost = acknowledged.Where(o => !stored.Holds(o, load.SeqOffsets[o.Ticket])).ToList();
        Say($"acknowledged writes lost: {lost.Count} of {acknowledged.Count}");
        Assert.Empty(lost);
    }

    /// <summary>No request hung until the client gave up; every failure was a ProblemDetails the client can act on.</summary>
    public static void FailuresWereProblemsNotHangs(WriteLoad load, Func<WriteOutcome, bool> expectedFailure)
    {
        Assert.DoesNotContain(load.Outcomes, o => o.TimedOut);
        Assert.All(load.Outcomes.Where(o => !o.Succeeded), o =>
        {
            Assert.True(o.IsProblem, $"{o.Kind} on {o.Node} got {o.Status} {o.Code} without ProblemDetails");
            Assert.True(expectedFailure(o), $"{o.Kind} on {o.Node} got an unexpected {o.Status} {o.Code}");
        });
    }

    /// <summary>After the fault has passed, every ticket takes a write again through both nodes.</summary>
    public static async Task EveryTicketIsWritableThroughEveryNode(WriteLoad load, IEnumerable<HttpClient> nodes)
    {
        foreach (var node in nodes)
        {
            foreach (var ticket in load.Tickets)
            {
                var response = await node.PatchAsync($"/api/tickets/{ticket}", System.Net.Http.Json.JsonContent.Create(new { title = $"checked {Guid.NewGuid():N}" }));
                Assert.True(response.IsSuccessStatusCode, $"{ticket} through {node.BaseAddress}: {(int)response.StatusCode}");
            }
        }
    }

    public static void Report(string what, LoadReport report) => Say($"{what}: {report}");

    /// <summary>To the test's output and, as a diagnostic message, to the run's console (xunit.runner.json).</summary>
    public static void Say(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage($"[{TestContext.Current.Test?.TestDisplayName}] {line}");
    }
}
