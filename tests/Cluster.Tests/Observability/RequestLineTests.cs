using System.Net;
using System.Text.Json;
using TicketPlatform.Cluster.Tests.Fixtures;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Cluster.Tests.Observability;

/// <summary>
/// An Api process with the default logging configuration: one request line per request, carrying the request's trace
/// (continued from the caller's <c>traceparent</c>), its request and connection ids; ASP.NET Core hosting's own lines
/// (request starting, request finished) are off.
/// </summary>
public sealed class RequestLineTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ticketplatform-request-line-");
    private ServiceProcess? _api;

    public async ValueTask InitializeAsync()
    {
        _api = ServiceProcess.StartIn(_root.FullName, "api", BuildOutput.ApiDll, ServiceProcess.EmbeddedSettings());
        await _api.WaitReady();
    }

    [Fact]
    public async Task The_request_line_carries_the_callers_trace_and_the_request_and_connection_ids()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_api!.Url, "/api/tickets?status=OPEN"));
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);

        var line = await Eventually.Until(
            () => Task.FromResult(_api.Output.Split('\n').FirstOrDefault(l => l.Contains(traceId, StringComparison.Ordinal))),
            found => found is not null,
            "the request's line");
        using var logged = JsonDocument.Parse(line!);
        var properties = logged.RootElement;
        Assert.Equal(traceId, properties.GetProperty("@tr").GetString());
        Assert.Equal("/api/tickets", properties.GetProperty("RequestPath").GetString());
        Assert.Equal(401, properties.GetProperty("StatusCode").GetInt32());
        var connection = properties.GetProperty("ConnectionId").GetString();
        Assert.False(string.IsNullOrEmpty(connection));
        Assert.StartsWith($"{connection}:", properties.GetProperty("RequestId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", _api.Output, StringComparison.Ordinal);
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
