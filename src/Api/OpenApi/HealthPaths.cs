using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>The health endpoints (health-check middleware, not described by the endpoint explorer): plain text, no token.</summary>
internal static class HealthPaths
{
    public static void AddTo(OpenApiDocument document)
    {
        document.Paths ??= [];
        document.Paths["/health/live"] = Path("GetLiveness", "The process is up", ready: false);
        document.Paths["/health/ready"] = Path("GetReadiness", "The database and the cluster are reachable and the node has warmed up", ready: true);
    }

    private static OpenApiPathItem Path(string operationId, string summary, bool ready)
    {
        var responses = new OpenApiResponses { ["200"] = Text("Healthy (or degraded but serving)", "Healthy", "Degraded") };
        if (ready)
        {
            responses["503"] = Text("Not ready: the database or the cluster is unreachable, or the node is still warming up", "Unhealthy");
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = operationId,
                    Summary = summary,
                    Tags = new HashSet<OpenApiTagReference> { new("Health") },
                    Security = [],
                    Responses = responses,
                },
            },
        };
    }

    private static OpenApiResponse Text(string description, params string[] values) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v))] } },
        },
    };
}
