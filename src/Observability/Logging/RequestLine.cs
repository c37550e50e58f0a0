using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Serilog;
using Serilog.Events;
using Serilog.Parsing;

namespace TicketPlatform.Observability.Logging;

/// <summary>
/// Writes one line per request with method, path (never the query string), route template, status, time and the
/// request's and connection's ids, at <see cref="LogEventLevel.Information"/>, or <see cref="LogEventLevel.Error"/> for a
/// status of 500 or more and for an exception that passes through. <c>Serilog:MinimumLevel:Override:TicketPlatform.RequestLine</c>
/// sets its level.
/// <para>
/// Written here rather than by Serilog.AspNetCore's request logging middleware, which opens an ambient property
/// collection on every request (an async-local value set and reset) and builds the event's properties as separate
/// objects in a dictionary it grows three times: 15% of all the garbage of a hot read (docs/performance.md). Here the
/// properties go straight into one dictionary of the right size; the line reads the same.
/// </para>
/// </summary>
public sealed class RequestLine(RequestDelegate next, ILogger logger, Func<HttpContext, bool>? unlogged)
{
    public const string SourceContext = "TicketPlatform.RequestLine";

    private static readonly MessageTemplate Template =
        new MessageTemplateParser().Parse("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms");

    /// <summary>The line's own seven properties and the source context the logger adds.</summary>
    private const int PropertyCount = 8;

    private readonly ILogger _logger = logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, SourceContext);

    public async Task Invoke(HttpContext http)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        catch (Exception exception) when (Write(http, start, StatusCodes.Status500InternalServerError, exception))
        {
            // Never entered: the line is written while the exception passes on to whoever handles it.
        }

        Write(http, start, http.Response.StatusCode, exception: null);
    }

    private bool Write(HttpContext http, long start, int status, Exception? exception)
    {
        var level = unlogged?.Invoke(http) == true ? LogEventLevel.Verbose
            : status >= StatusCodes.Status500InternalServerError || exception is not null ? LogEventLevel.Error
            : LogEventLevel.Information;
        if (!_logger.IsEnabled(level))
        {
            return false;
        }

        var properties = new Dictionary<string, LogEventPropertyValue>(PropertyCount)
        {
            ["RequestMethod"] = new ScalarValue(http.Request.Method),
            ["RequestPath"] = new ScalarValue(http.Request.Path.Value ?? ""),
            ["StatusCode"] = new ScalarValue(status),
            ["Elapsed"] = new ScalarValue(Stopwatch.GetElapsedTime(start).TotalMilliseconds),
            ["Route"] = new ScalarValue(HttpRoute.Of(http)),
            ["RequestId"] = new ScalarValue(http.TraceIdentifier),
            ["ConnectionId"] = new ScalarValue(http.Connection.Id),
        };
        var activity = Activity.Current;
        _logger.Write(LogEvent.UnstableAssembleFromParts(
            DateTimeOffset.Now, level, exception, Template, properties, activity?.TraceId ?? default, activity?.SpanId ?? default));
        return false;
    }
}
