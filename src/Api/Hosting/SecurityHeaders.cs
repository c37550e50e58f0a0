namespace TicketPlatform.Api.Hosting;

/// <summary>
/// Headers every response carries, errors included: no type sniffing, no referrer, no framing. API answers are
/// never cached (they are per caller); the Swagger UI pages are left without the strict CSP, which would block
/// their scripts and styles, and the console page may load its own files and talk to its own origin (the hub's
/// WebSocket included) and nothing else.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public const string ConsoleContentSecurityPolicy = "default-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseTicketPlatformSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(AddHeaders, context);
        return next(context);
    });

    private static Task AddHeaders(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (path.StartsWithSegments(WebConsole.WebConsoleSetup.Path))
        {
            headers.ContentSecurityPolicy = ConsoleContentSecurityPolicy;
        }
        else if (!path.StartsWithSegments("/api/docs"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/docs"))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
