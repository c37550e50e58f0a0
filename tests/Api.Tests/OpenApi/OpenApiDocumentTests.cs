using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.OpenApi;

[Collection(nameof(SqliteApi))]
public sealed class OpenApiDocumentTests(SqliteApi fixture)
{
    [Fact]
    public async Task The_document_lists_every_mapped_endpoint_with_its_responses()
    {
        var document = JsonNode.Parse(await fixture.Api.CreateClient().GetStringAsync("/api/docs/v1/openapi.json"))!;
        var paths = document["paths"]!.AsObject();
        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) || e.RoutePattern.RawText!.StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{(\w+):[^}]+\}", "{$1}");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var operation = paths[path.TrimEnd('/')]?[method.ToLowerInvariant()] ?? paths[path]?[method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {path} is missing from the OpenAPI document");
                Assert.True(operation!["responses"]!.AsObject().Count > 0, $"{method} {path} lists no responses");
            }
        }

        Assert.NotNull(document["components"]?["securitySchemes"]?["Bearer"]);
    }

    [Fact]
    public async Task Swagger_ui_is_served_at_api_docs()
    {
        var html = await fixture.Api.CreateClient().GetStringAsync("/api/docs/index.html");

        Assert.Contains("swagger", html, StringComparison.OrdinalIgnoreCase);
    }
}
