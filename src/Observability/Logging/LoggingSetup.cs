using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Configuration;
using Serilog.Formatting.Compact;

namespace TicketPlatform.Observability.Logging;

public static class LoggingSetup
{
    /// <summary>The longest a line waits in the queue before its batch is written.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Structured JSON logs on stdout (with the trace and span ids of the current activity), every line passed
    /// through <see cref="SecretRedaction"/>; levels from the <c>Serilog</c> configuration section. Lines are
    /// queued, then formatted and written in batches on a background task (<see cref="StandardOutputBatches"/>), so
    /// requests never wait on the console; the host's shutdown disposes the logger, which writes what is queued.
    /// </summary>
    public static WebApplicationBuilder AddTicketPlatformLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Sink(
                new StandardOutputBatches(new RedactingFormatter(new RenderedCompactJsonFormatter())),
                new BatchingOptions { BatchSizeLimit = 1000, BufferingTimeLimit = BatchDelay, QueueLimit = 100_000 }));
        LoggerPerCategory.Decorate(builder.Services);
        return builder;
    }
}
