using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Polly;
using TicketPlatform.Events;
using TicketPlatform.Persistence;
using TicketPlatform.Scheduling;

namespace TicketPlatform.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>The webhook store, secrets, SSRF-checked HTTP client with its per-endpoint resilience, metrics and the durable schedule.</summary>
    internal static IServiceCollection AddTicketPlatformWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.IsValid(out _), $"{WebhookOptions.Section} is not valid (RetryDelays, windows, timeout, jitter, break).")
            .ValidateOnStart();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton(provider => new WebhookSecrets(WebhookEncryptionKey.Load(
            provider.GetRequiredService<IOptions<WebhookOptions>>().Value, DatabaseOptionsFactory.DataDirectory(configuration))));
        services.AddSingleton<WebhookSchedule>();
        services.AddSiloTicker("webhook dispatch", provider => provider.GetRequiredService<IOptions<WebhookOptions>>().Value.ScanInterval, provider =>
        {
            provider.GetRequiredService<WebhookSchedule>().Nudge();
            return Task.CompletedTask;
        });
        services.AddSingleton<ICommittedEventsListener>(provider => provider.GetRequiredService<WebhookSchedule>());

        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = provider.GetRequiredService<WebhookTargets>().Connect,
            })
            .AddResilienceHandler("webhook", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                pipeline
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.8,
                        MinimumThroughput = 10,
                        SamplingDuration = TimeSpan.FromMinutes(1),
                        BreakDuration = options.CircuitBreakDuration,
                    })
                    .AddTimeout(options.Timeout);
            })
            .SelectPipelineBy(_ => request => request.Options.TryGetValue(WebhookSender.EndpointKey, out var endpoint) ? endpoint : "");
        return services;
    }
}
