using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using TicketPlatform.Attachments;
using TicketPlatform.Categories;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Idempotency;
using TicketPlatform.Invitations;
using TicketPlatform.Messages;
using TicketPlatform.Persistence;
using TicketPlatform.Scheduling;
using TicketPlatform.Sla;
using TicketPlatform.Tickets;
using TicketPlatform.Users;
using TicketPlatform.Webhooks;

namespace TicketPlatform;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Everything the grains need in the silo: the database seam, the stores, the clock and options.</summary>
    public static IServiceCollection AddTicketPlatformGrains(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddTicketPlatformDatabase(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Clock>();
        services.AddMetrics();
        services.AddSingleton<DomainMetrics>();
        services.AddSingleton<ILifecycleParticipant<Orleans.Runtime.ISiloLifecycle>>(provider => provider.GetRequiredService<DomainMetrics>());
        services.AddSingleton<TicketStore>();
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.Section))
            .Validate(o => o.MaxBatch >= 1, "TicketPlatform:Tickets:MaxBatch must be at least 1.");
        services.AddSingleton<ITicketModule, InvitationsModule>();
        services.AddSingleton<ITicketModule, Sla.Tickets.SlaModule>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<MessageStore>();
        services.AddTicketPlatformAttachments(configuration);
        services.AddSingleton<CategoryStore>();
        services.AddSingleton<Sla.Policies.SlaPolicyStore>();
        services.AddSingleton<Sla.Schedule.SlaDueStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<UserLookup>();
        services.AddOptions<UserOptions>().Bind(configuration.GetSection(UserOptions.Section));
        services.AddSingleton<InvitationStore>();
        services.AddOptions<InvitationOptions>().Bind(configuration.GetSection(InvitationOptions.Section))
            .Validate(o => o.Expiry > TimeSpan.Zero && o.ScanInterval > TimeSpan.Zero, "Invitation expiry and scan interval must be positive.");
        services.AddSiloTicker("invitation expiry", provider => provider.GetRequiredService<IOptions<InvitationOptions>>().Value.ScanInterval,
            provider => provider.GetRequiredService<IGrainFactory>().GetGrain<IInvitationExpiryGrain>(0).ExpireDue());
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section))
            .Validate(o => o.ScanInterval > TimeSpan.Zero, "TicketPlatform:Sla:ScanInterval must be positive.");
        services.AddSiloTicker("SLA", provider => provider.GetRequiredService<IOptions<SlaOptions>>().Value.ScanInterval,
            provider => provider.GetRequiredService<IGrainFactory>().GetGrain<ISlaScanGrain>(0).EvaluateDue());
        services.AddTicketPlatformWebhooks(configuration);
        services.AddTicketPlatformIdempotency(configuration);
        return services;
    }
}
