using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketPlatform.Persistence;

namespace TicketPlatform.Attachments;

public static class AttachmentsServiceCollectionExtensions
{
    /// <summary>The attachment options and the blob store; needed by the silo (purge) and by the edge (upload, download). Idempotent.</summary>
    public static IServiceCollection AddTicketPlatformBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IBlobStore)))
        {
            return services;
        }

        services.AddOptions<AttachmentOptions>()
            .Bind(configuration.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxBytes > 0, "TicketPlatform:Attachments:MaxBytes must be positive.")
            .Validate(o => o.PurgeInterval > TimeSpan.Zero, "TicketPlatform:Attachments:PurgeInterval must be positive.")
            .Validate(o => o.PurgeAfter >= TimeSpan.Zero, "TicketPlatform:Attachments:PurgeAfter must not be negative.")
            .Validate(o => o.OrphanAfter > TimeSpan.Zero, "TicketPlatform:Attachments:OrphanAfter must be positive.")
            .Validate(o => o.OrphanSweepInterval > TimeSpan.Zero, "TicketPlatform:Attachments:OrphanSweepInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IBlobStore>(provider => new FileSystemBlobStore(
            provider.GetRequiredService<IOptions<AttachmentOptions>>().Value.Directory is { Length: > 0 } directory
                ? Path.GetFullPath(directory)
                : Path.Combine(DatabaseOptionsFactory.DataDirectory(configuration), "blobs")));
        return services;
    }

    internal static IServiceCollection AddTicketPlatformAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTicketPlatformBlobStore(configuration);
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<AttachmentPurge>();
        services.AddHostedService(provider => provider.GetRequiredService<AttachmentPurge>());
        return services;
    }
}
