using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Processes;

namespace TicketPlatform.Cluster.Tests.Uploads;

/// <summary>
/// An upload over the limit, sent the way a Node.js client sends it (the built-in fetch writes the whole body before it
/// reads the answer), to a real Api process: the client must read the 413, not a broken pipe.
/// </summary>
[Collection(nameof(ClusterFixture))]
public sealed class OversizeUploadTests(ClusterFixture cluster)
{
    /// <summary>The default limit is 25 MiB: one MiB over it, far more than socket buffers hold.</summary>
    private const int OverLimit = 26 * 1024 * 1024;

    [Fact]
    public async Task A_node_fetch_of_26_MiB_reads_the_413_problem()
    {
        cluster.Require();
        var token = await cluster.Token("oversize-uploader");
        var client = ClusterFixture.Client(cluster.Apis[0], token);
        var number = (await Created(client, "/api/tickets", new { title = "A big file", description = "too big" })).GetProperty("number").GetString()!;
        var message = (await Created(client, $"/api/tickets/{number}/messages", new { content = "see the attachment" })).GetProperty("id").GetString()!;
        var url = new Uri(cluster.Apis[0].Url, $"/api/tickets/{number}/messages/{message}/attachments");

        var upload = await NodeUpload(url, token, OverLimit);

        Assert.StartsWith("413 ", upload, StringComparison.Ordinal);
        Assert.Contains("PAYLOAD_TOO_LARGE", upload, StringComparison.Ordinal);
        var attachments = await client.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}/attachments", TestContext.Current.CancellationToken);
        Assert.Equal(0, attachments.GetProperty("items").GetArrayLength());
    }

    private static async Task<JsonElement> Created(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>What Node's fetch printed; skipped, loudly, only where Node.js cannot be started.</summary>
    private static async Task<string> NodeUpload(Uri url, string token, int size)
    {
        CommandResult run;
        try
        {
            run = await Command.Run("node", [
                Repository.File("tests/Cluster.Tests/Uploads/upload-with-node-fetch.mjs"), url.ToString(), token,
                size.ToString(CultureInfo.InvariantCulture)]);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            Assert.Skip($"!!! NODE FETCH UPLOAD TEST NOT RUN: node could not be started: {missing.Message} !!!");
            throw;
        }

        Assert.True(run.Succeeded, run.Errors);
        return run.Output.Trim();
    }
}
