using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;

namespace TicketPlatform.Observability.Logging;

public static class RequestLogging
{
    /// <summary>
    /// One line per request with method, path (never the query string), route template, status, time and the
    /// request's and connection's ids; placed before the exception handler so the line shows the status the client got.
    /// The middleware is handed the host's logger: without one it derives a logger from the static one on every
    /// request. Requests <paramref name="unlogged"/> picks (the process's own) are logged at
    /// <see cref="LogEventLevel.Verbose"/>, below the usual minimum.
    /// </summary>
    public static IApplicationBuilder UseTicketPlatformRequestLogging(this IApplicationBuilder app, Func<HttpContext, bool>? unlogged = null) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<ILogger>();

            // All of the line's properties in one array, rather than the extra ones added one at a time to the
            // middleware's ambient collection (a lock and a dictionary entry each).
            options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(path)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
                new LogEventProperty("Route", new ScalarValue(HttpRoute.Of(http))),
                new LogEventProperty("RequestId", new ScalarValue(http.TraceIdentifier)),
                new LogEventProperty("ConnectionId", new ScalarValue(http.Connection.Id)),
            ];
            if (unlogged is not null)
            {
                var standard = options.GetLevel;
                options.GetLevel = (http, elapsed, exception) => unlogged(http) ? LogEventLevel.Verbose : standard(http, elapsed, exception);
            }
        });
}
