using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using TicketPlatform.Observability.Logging;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Observability;

/// <summary>
/// The request line over real HTTP, into a Serilog logger at Information: its properties, its level by status, an
/// exception passing through, and the requests the caller marks as unlogged.
/// </summary>
public sealed class RequestLineTests
{
    [Fact]
    public async Task Statuses_set_the_level_an_escaping_exception_is_an_error_and_unlogged_requests_stay_below_information()
    {
        var sink = new CapturingSink();
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Serilog.ILogger>(new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(sink).CreateLogger());
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.UseTicketPlatformRequestLogging(http => http.Request.Path.StartsWithSegments("/quiet"));
        app.MapGet("/ok/{id}", (string id) => id);
        app.MapGet("/down", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/boom", string () => throw new InvalidOperationException("boom"));
        app.MapGet("/quiet", () => "shh");
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        foreach (var path in new[] { "/quiet", "/ok/7?token=secret", "/down", "/boom" })
        {
            await client.GetAsync(path, TestContext.Current.CancellationToken);
        }

        var lines = await Eventually.Until(() => Task.FromResult(sink.Events), events => events.Length == 3, "three request lines");
        Assert.Equal(
            [("/ok/7", 200, LogEventLevel.Information), ("/down", 503, LogEventLevel.Error), ("/boom", 500, LogEventLevel.Error)],
            lines.Select(e => ((string)Scalar(e, "RequestPath"), (int)Scalar(e, "StatusCode"), e.Level)));
        var ok = lines[0];
        Assert.StartsWith("HTTP \"GET\" \"/ok/7\" responded 200 in ", ok.RenderMessage(), StringComparison.Ordinal);
        Assert.Equal("/ok/{id}", Scalar(ok, "Route"));
        Assert.Equal(RequestLine.SourceContext, Scalar(ok, "SourceContext"));
        Assert.StartsWith($"{Scalar(ok, "ConnectionId")}:", (string)Scalar(ok, "RequestId"), StringComparison.Ordinal);
        Assert.True((double)Scalar(ok, "Elapsed") >= 0);
        Assert.IsType<InvalidOperationException>(lines[2].Exception);
    }

    private static object Scalar(LogEvent logEvent, string property) => ((ScalarValue)logEvent.Properties[property]).Value!;

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];

        public LogEvent[] Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }
    }
}
