using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;

namespace TicketPlatform.Observability.Logging;

public static class RequestLogging
{
    /// <summary>
    /// One line per request (<see cref="RequestLine"/>), placed before the exception handler so the line shows the
    /// status the client got. Requests <paramref name="unlogged"/> picks (the process's own) are logged at
    /// <see cref="LogEventLevel.Verbose"/>, below the usual minimum.
    /// </summary>
    public static IApplicationBuilder UseTicketPlatformRequestLogging(this IApplicationBuilder app, Func<HttpContext, bool>? unlogged = null)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILogger>();
        return app.Use(next => new RequestLine(next, logger, unlogged).Invoke);
    }
}
