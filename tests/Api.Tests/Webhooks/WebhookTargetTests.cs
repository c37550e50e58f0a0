using System.Net;
using Microsoft.Extensions.Options;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>SSRF protection with the default settings: private targets refused at registration and at connect time.</summary>
public abstract class WebhookTargetTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    [Theory]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://example.com/hook")]
    public async Task Private_loopback_metadata_and_plain_http_targets_are_refused(string url)
    {
        var admin = await NewAdmin();
        var response = await admin.Client.PostJson("/api/webhooks", new { url, events = new[] { "*" } });

        var problem = await response.Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.True(problem["errors"]?.AsObject().ContainsKey("url") == true, problem.ToJsonString());
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_at_connect_time_is_not_connected_to()
    {
        // A name checked at registration could resolve elsewhere later (DNS rebinding): the connect step checks again.
        await using var receiver = await WebhookReceiver.StartAsync();
        var targets = new WebhookTargets(Options.Create(new WebhookOptions { AllowInsecureHttp = true }));
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = targets.Connect, UseProxy = false });

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"http://localhost:{receiver.Port}/hook", new StringContent("{}")));

        Assert.IsType<WebhookTargetRefusedException>(refused.InnerException);
        Assert.Empty(receiver.Received);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteWebhookTargetTests(SqliteApi fixture) : WebhookTargetTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresWebhookTargetTests(PostgresApi fixture) : WebhookTargetTests(fixture);
