using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace TicketPlatform.Scheduling;

internal static class SiloTickerRegistration
{
    /// <summary>A <see cref="SiloTicker"/> named <paramref name="name"/> that runs <paramref name="scan"/> every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddSiloTicker(
        this IServiceCollection services, string name, Func<IServiceProvider, TimeSpan> interval, Func<IServiceProvider, Task> scan) =>
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => new SiloTicker(
            name, interval(provider), () => scan(provider),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SiloTicker>>()));
}
