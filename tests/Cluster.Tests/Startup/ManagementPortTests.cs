using System.Globalization;
using System.Net;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Cluster.Tests.Startup;

/// <summary>An Api process with <c>TicketPlatform:Management:Port</c>: metrics only there, and only metrics and health there.</summary>
public sealed class ManagementPortTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ticketplatform-management-");
    private readonly int _managementPort = FreePort.Next();
    private ServiceProcess? _api;

    private Uri Public => _api!.Url;

    private Uri Management => new($"http://127.0.0.1:{_managementPort}");

    public async ValueTask InitializeAsync()
    {
        var settings = ServiceProcess.EmbeddedSettings();
        settings["TicketPlatform__Management__Port"] = _managementPort.ToString(CultureInfo.InvariantCulture);
        _api = ServiceProcess.StartIn(_root.FullName, "api", BuildOutput.ApiDll, settings);
        await _api.WaitReady();
    }

    [Fact]
    public async Task Metrics_are_served_on_the_management_port_only()
    {
        var scrape = await Client.GetAsync(new Uri(Management, "/metrics"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("dotnet_gc_", await scrape.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri(Public, "/metrics"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri(Public, "/METRICS/"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_Host_header_naming_the_management_port_does_not_open_metrics_on_the_public_port()
    {
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri(Public, "/metrics"));
        spoofed.Headers.Host = $"127.0.0.1:{_managementPort}";

        Assert.Equal(HttpStatusCode.NotFound, (await Client.SendAsync(spoofed, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_management_port_answers_health_and_nothing_of_the_api()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(new Uri(Management, "/health/ready"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(new Uri(Public, "/health/ready"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri(Management, "/api/tickets"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri(Management, "/api/docs/v1/openapi.json"), TestContext.Current.CancellationToken)).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _root.Delete(recursive: true);
    }
}
