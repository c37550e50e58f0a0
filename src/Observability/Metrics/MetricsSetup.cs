using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace TicketPlatform.Observability;

public static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>
    /// OpenTelemetry metrics in Prometheus text: our HTTP meter, every <c>TicketPlatform.*</c> meter the process
    /// creates (the domain counters live where the grains run), Orleans, ASP.NET Core and the .NET runtime.
    /// </summary>
    public static WebApplicationBuilder AddTicketPlatformMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HttpMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("TicketPlatform.*")
            .AddMeter("Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointConventionBuilder MapTicketPlatformMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
}
