namespace TicketPlatform.Api.Preconditions;

public static class PreconditionsSetup
{
    public static IServiceCollection AddTicketPlatformPreconditions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PreconditionOptions>(configuration.GetSection(PreconditionOptions.Section));
        services.AddSingleton<ResourceRoutes>();
        services.AddSingleton<ServedRepresentations>();
        return services;
    }

    /// <summary>After authorization: the precondition reads the resource as the authenticated caller.</summary>
    public static IApplicationBuilder UseTicketPlatformPreconditions(this IApplicationBuilder app) => app.UseMiddleware<ConditionalRequests>();
}
