using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace TicketPlatform.Observability.Logging;

public static class LoggingSetup
{
    /// <summary>The longest a line waits in the queue before its batch is written.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// ASP.NET Core hosting's own logger: its lines (request starting, request finished) repeat the request line, and
    /// while it is enabled hosting opens a log scope on every request (two ambient values set and reset, the scope's
    /// properties copied onto every line). Off unless the configuration turns it on; the request line carries the
    /// request and connection ids that scope would add.
    /// </summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Structured JSON logs on stdout (with the trace and span ids of the request's activity, <see cref="RequestActivities"/>),
    /// every line passed through <see cref="SecretRedaction"/>; levels from the <c>Serilog</c> configuration section. Lines are
    /// queued, then formatted and written in batches on a background task (<see cref="StandardOutputBatches"/>), so
    /// requests never wait on the console; the host's shutdown disposes the logger, which writes what is queued.
    /// </summary>
    public static WebApplicationBuilder AddTicketPlatformLogging(this WebApplicationBuilder builder)
    {
        RequestActivities.Listen();
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Override(HostingDiagnostics, LevelAlias.Off)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Sink(
                new StandardOutputBatches(new RedactingFormatter(new RenderedCompactJsonFormatter())),
                new BatchingOptions { BatchSizeLimit = 1000, BufferingTimeLimit = BatchDelay, QueueLimit = 100_000 }));
        LoggerPerCategory.Decorate(builder.Services);
        return builder;
    }
}
