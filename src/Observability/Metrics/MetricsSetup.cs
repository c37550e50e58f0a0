using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace TicketPlatform.Observability;

public static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>
    /// ASP.NET Core's meters that are exported: connections (Kestrel, SignalR's transports) and unhandled exceptions.
    /// Its per-request meters are left out, each being a measurement on every request: hosting's
    /// <c>http.server.*</c> repeats our <c>http_requests_total</c> and <c>http_request_duration_seconds</c>, and what
    /// routing, authentication, authorization, rate limiting and the memory pool would show is in
    /// <c>http_requests_total</c> (401, 403, 429) already.
    /// </summary>
    public static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Diagnostics",
    ];

    /// <summary>
    /// OpenTelemetry metrics in Prometheus text: our HTTP meter, every <c>TicketPlatform.*</c> meter the process
    /// creates (the domain counters live where the grains run), Orleans, ASP.NET Core (<see cref="AspNetCoreMeters"/>)
    /// and the .NET runtime.
    /// </summary>
    public static WebApplicationBuilder AddTicketPlatformMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HttpMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("TicketPlatform.*")
            .AddMeter("Microsoft.Orleans")
            .AddMeter(AspNetCoreMeters)
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointConventionBuilder MapTicketPlatformMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
}
