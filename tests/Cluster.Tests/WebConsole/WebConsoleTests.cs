using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Processes;

namespace TicketPlatform.Cluster.Tests.WebConsole;

/// <summary>The console page at <c>/console/</c> in a real headless Chromium, one page on each Api node.</summary>
[Collection(nameof(ClusterFixture))]
public sealed class WebConsoleTests(ClusterFixture cluster)
{
    [Fact]
    public async Task The_console_page_shows_messages_presence_and_typing_live_and_keeps_internal_notes_from_the_requester()
    {
        cluster.Require();
        var requesterToken = await cluster.Token("console-requester");
        var agentToken = await cluster.StaffToken("console-agent");
        var created = await ClusterFixture.Client(cluster.Apis[1], requesterToken).PostAsJsonAsync("/api/tickets",
            new { title = "Watched in a browser", description = "the console page" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString()!;

        var run = await Command.Run(Repository.File("scripts/lib/browser.sh"),
            ["run", Repository.File("tests/Cluster.Tests/WebConsole/console-page.mjs"),
             cluster.Apis[0].Url.ToString(), cluster.Apis[1].Url.ToString(), agentToken, requesterToken, number],
            timeout: TimeSpan.FromMinutes(5));
        if (run.ExitCode == 3)
        {
            Assert.Skip($"SKIPPED LOUDLY: no headless browser could be installed here (scripts/lib/browser.sh): {run.Errors}");
        }

        TestContext.Current.SendDiagnosticMessage(run.Output);
        Assert.True(run.ExitCode == 0, $"the console page test failed:\n{run.Output}\n{run.Errors}");
        Assert.Contains("CONSOLE OK", run.Output, StringComparison.Ordinal);
    }
}
