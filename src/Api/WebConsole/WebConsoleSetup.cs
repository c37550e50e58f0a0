using Microsoft.Extensions.FileProviders;

namespace TicketPlatform.Api.WebConsole;

/// <summary>
/// The console at <c>/console/</c>: a static page that opens a ticket with a pasted token and shows its
/// conversation, timeline, presence and typing live. Its files sit beside the app (copied from WebConsole/Page at
/// build and publish); the static-file middleware runs only for that path, so the API's requests never pass it.
/// </summary>
public static class WebConsoleSetup
{
    public const string Path = "/console";

    public static WebApplication UseTicketPlatformConsole(this WebApplication app)
    {
        var files = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "console"));
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path),
            console => console
                .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path })
                .UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = Path }));
        return app;
    }
}
