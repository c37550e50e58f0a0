using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Serilog;

namespace TicketPlatform.Observability.Logging;

public static class RequestLogging
{
    /// <summary>
    /// One line per request with method, path (never the query string), route template, status and time; placed
    /// before the exception handler so the line shows the status the client got.
    /// </summary>
    public static IApplicationBuilder UseTicketPlatformRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options => options.EnrichDiagnosticContext = (context, http) =>
            context.Set("Route", HttpRoute.Of(http)));
}
