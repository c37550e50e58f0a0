using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Formatting.Compact;

namespace TicketPlatform.Observability.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Structured JSON logs on stdout (with the trace and span ids of the current activity), every line passed
    /// through <see cref="SecretRedaction"/>; levels from the <c>Serilog</c> configuration section. Lines are
    /// formatted and written on a background worker, so requests never wait on the console's lock; the host's
    /// shutdown disposes the logger, which drains what is buffered.
    /// </summary>
    public static WebApplicationBuilder AddTicketPlatformLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Async(sink => sink.Console(new RedactingFormatter(new RenderedCompactJsonFormatter()))));
        return builder;
    }
}
