using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>The response headers the service sends, declared once as components and referred to by status.</summary>
internal static class ResponseHeaders
{
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string ETag = "ETag";

    public static IEnumerable<string> For(string status, ApiDescription description)
    {
        if (status == "201")
        {
            yield return Location;
        }

        if (status is "429" or "503")
        {
            yield return RetryAfter;
        }
    }

    public static Dictionary<string, IOpenApiHeader> Components() => new()
    {
        [Location] = Header("The URL of the created resource.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" }),
        [ETag] = Header("The strong entity tag of the resource in this response (a ticket's starts with its version); send it in If-Match or If-None-Match.",
            new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[^\"]+\"$" }),
        [RetryAfter] = Header("Seconds to wait before retrying.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" }),
    };

    private static OpenApiHeader Header(string description, OpenApiSchema schema) => new() { Description = description, Schema = schema };
}
