using Microsoft.AspNetCore.Authorization;
using TicketPlatform.Observability;

namespace TicketPlatform.Api.Warmup;

public static class WarmupSetup
{
    public static IServiceCollection AddTicketPlatformWarmup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarmupOptions>().Bind(configuration.GetSection(WarmupOptions.Section));
        services.AddSingleton<WarmupMarker>();
        services.AddSingleton<HubWarmup>();
        services.AddSingleton<StartupWarmup>();
        services.AddHostedService(provider => provider.GetRequiredService<StartupWarmup>());
        services.AddHealthChecks().AddCheck<WarmupHealthCheck>("warm-up", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>Maps <see cref="WarmupHub"/> for requests that carry this process's <see cref="WarmupMarker"/> only.</summary>
    public static IEndpointRouteBuilder MapTicketPlatformWarmup(this IEndpointRouteBuilder app)
    {
        var marker = app.ServiceProvider.GetRequiredService<WarmupMarker>();
        var ownRequestsOnly = new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.Resource is HttpContext http && marker.Marks(http))
            .Build();
        app.MapHub<WarmupHub>(WarmupHub.Path).RequireAuthorization(ownRequestsOnly);
        return app;
    }
}
