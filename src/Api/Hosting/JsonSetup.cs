using TicketPlatform.Common;

namespace TicketPlatform.Api.Hosting;

public static class JsonSetup
{
    /// <summary>camelCase, UPPER_SNAKE enums, strict about types and nulls; binding failures reach the problem handler.</summary>
    public static IServiceCollection AddTicketPlatformJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            DomainJson.Configure(options.SerializerOptions);
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.AllowTrailingCommas = false;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
