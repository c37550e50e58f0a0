using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace TicketPlatform.Observability.Logging;

public static class RequestLogging
{
    /// <summary>
    /// One line per request with method, path (never the query string), route template, status and time; placed
    /// before the exception handler so the line shows the status the client got. The middleware is handed the host's
    /// logger: without one it derives a logger from the static one on every request.
    /// </summary>
    public static IApplicationBuilder UseTicketPlatformRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<ILogger>();
            options.EnrichDiagnosticContext = (context, http) => context.Set("Route", HttpRoute.Of(http));
        });
}
