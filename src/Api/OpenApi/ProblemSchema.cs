using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>The one schema of every error body: RFC 9457 problem details with the API's stable <c>code</c>.</summary>
internal static class ProblemSchema
{
    public const string Name = "Problem";
    public const string MediaType = "application/problem+json";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `code` is stable and machine-readable; the other extensions appear where they apply.",
        Required = new HashSet<string> { "code", "status", "title" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference identifying the problem type."),
            ["title"] = Text("A short human-readable summary."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = Text("What went wrong in this case."),
            ["instance"] = Text("The request the problem is about."),
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Stable error code, e.g. VALIDATION, NOT_FOUND, INVALID_TRANSITION, PRECONDITION_FAILED, RATE_LIMITED.",
                Pattern = "^[A-Z][A-Z0-9_]*$",
            },
            ["traceId"] = Text("Correlates the response with the service's logs."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "VALIDATION: messages per field.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["allowed"] = Strings("INVALID_TRANSITION: the statuses the caller may move the ticket to."),
            ["reason"] = Text("Why the request was refused, as a stable word (e.g. NOT_PARTICIPANT, LAST_ADMIN)."),
            ["changed"] = Strings("PRECONDITION_FAILED: the fields that differ from the version the client named."),
        },
        Examples = [JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"This status change is not allowed.","status":409,"code":"INVALID_TRANSITION","allowed":["IN_PROGRESS"]}""")!],
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Strings(string description) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        Items = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
