using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentPath = "/api/docs/v1/openapi.json";

    public static IServiceCollection AddTicketPlatformOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "TicketPlatform API",
                Version = "v1",
                Description = "Support tickets: lifecycle, participants, conversation and audit timeline.",
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from the configured issuer (embedded profile: `dotnet run --project src/Api -- token --sub you`).",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
            options.CustomSchemaIds(type => type.FullName!.Replace("TicketPlatform.", "", StringComparison.Ordinal).Replace('+', '.').Replace("`1", "", StringComparison.Ordinal));
        });
        return services;
    }

    public static WebApplication UseTicketPlatformOpenApi(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "api/docs/{documentName}/openapi.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.SwaggerEndpoint(DocumentPath, "TicketPlatform v1");
            options.DocumentTitle = "TicketPlatform API";
        });
        return app;
    }
}
