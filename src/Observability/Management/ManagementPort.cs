using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace TicketPlatform.Observability;

/// <summary>
/// <c>TicketPlatform:Management:Port</c>: when set, the process also listens on that port, <c>/metrics</c> is answered
/// only there, and that port answers nothing but metrics and health. The decision is made on the port the connection
/// arrived on, never on the Host header, which a client chooses.
/// </summary>
public static class ManagementPort
{
    public const string Key = "TicketPlatform:Management:Port";

    private const string HealthPath = "/health";

    public static int? Of(IConfiguration configuration) => configuration.GetValue<int?>(Key) is > 0 and var port ? port : null;

    /// <summary>Listens on <paramref name="port"/> as well as on the configured addresses.</summary>
    public static WebApplicationBuilder ListenAlsoOn(this WebApplicationBuilder builder, int port)
    {
        var urls = (builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries);
        builder.WebHost.UseUrls([.. urls, $"http://+:{port}"]);
        return builder;
    }

    public static WebApplicationBuilder ListenForManagement(this WebApplicationBuilder builder) =>
        Of(builder.Configuration) is { } port ? builder.ListenAlsoOn(port) : builder;

    /// <summary>Keeps metrics off the public port and everything but metrics and health off the management port.</summary>
    public static WebApplication UseManagementPort(this WebApplication app)
    {
        if (Of(app.Configuration) is { } port)
        {
            app.Use((context, next) =>
            {
                var path = context.Request.Path;
                var isMetrics = path.StartsWithSegments(MetricsSetup.Path, StringComparison.OrdinalIgnoreCase);
                var isHealth = path.StartsWithSegments(HealthPath, StringComparison.OrdinalIgnoreCase);
                var allowed = context.Connection.LocalPort == port ? isMetrics || isHealth : !isMetrics;
                if (allowed)
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }

        return app;
    }
}
