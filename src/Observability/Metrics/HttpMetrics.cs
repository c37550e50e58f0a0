using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TicketPlatform.Observability;

/// <summary>
/// <c>http_requests_total</c> and <c>http_request_duration_seconds</c> labelled with method, route template and
/// status. Runs after routing (so the template is known) and around the exception handler (so the status is final).
/// </summary>
public sealed class HttpMetrics
{
    public const string MeterName = "TicketPlatform.Http";

    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public HttpMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("http_requests", description: "HTTP requests served");
        _duration = meter.CreateHistogram("http_request_duration", unit: "s", description: "Time to serve an HTTP request",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    private static readonly string[] StatusLabels = Enumerable.Range(0, 600).Select(code => code.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string StatusLabel(int status) =>
        (uint)status < StatusLabels.Length ? StatusLabels[status] : status.ToString(CultureInfo.InvariantCulture);

    public async Task Measure(HttpContext context, RequestDelegate next, Func<HttpContext, bool>? unmeasured)
    {
        var route = HttpRoute.Of(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (unmeasured?.Invoke(context) != true)
            {
                Record(context, route, started);
            }
        }
    }

    private void Record(HttpContext context, string route, long started)
    {
        var tags = new TagList
        {
            { "method", context.Request.Method },
            { "route", route },
            { "status", StatusLabel(context.Response.StatusCode) },
        };
        _requests.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}

public static class HttpMetricsMiddleware
{
    /// <summary>
    /// Measures every request but those <paramref name="unmeasured"/> picks (the process's own).
    /// </summary>
    public static IApplicationBuilder UseHttpMetrics(this IApplicationBuilder app, Func<HttpContext, bool>? unmeasured = null)
    {
        var metrics = app.ApplicationServices.GetRequiredService<HttpMetrics>();
        return app.Use(next => context => metrics.Measure(context, next, unmeasured));
    }
}
