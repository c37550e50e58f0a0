using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketPlatform.Idempotency;

internal static class IdempotencyServiceCollectionExtensions
{
    public static IServiceCollection AddTicketPlatformIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero, "TicketPlatform:Idempotency:Retention must be positive.")
            .Validate(o => o.PurgeInterval > TimeSpan.Zero, "TicketPlatform:Idempotency:PurgeInterval must be positive.")
            .Validate(o => o.LeaseTimeout > TimeSpan.Zero, "TicketPlatform:Idempotency:LeaseTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotencyPurge>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencyPurge>());
        return services;
    }
}
