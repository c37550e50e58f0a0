using Serilog;
using Serilog.Formatting.Compact;

namespace TicketPlatform.Api.Hosting;

public static class LoggingSetup
{
    /// <summary>Structured JSON logs on stdout; levels from the <c>Serilog</c> configuration section.</summary>
    public static WebApplicationBuilder AddTicketPlatformLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(new RenderedCompactJsonFormatter()));
        return builder;
    }
}
