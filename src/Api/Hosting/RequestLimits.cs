using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TicketPlatform.Api.Hosting;

public static class RequestLimits
{
    /// <summary>Every body but an attachment upload is JSON of at most a few tens of KB; 4 MB leaves room and stops abuse early.</summary>
    public const long MaxJsonBodyBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddTicketPlatformRequestLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxJsonBodyBytes);
}
