using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>The response headers the service sends, declared once as components and referred to by status.</summary>
internal static class ResponseHeaders
{
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string ETag = "ETag";
    public const string RateLimitPolicy = "RateLimit-Policy";
    public const string RateLimit = "RateLimit";
    public const string IdempotentReplayed = Idempotency.IdempotencyKeyHeader.Replayed;

    public static IEnumerable<string> For(string status, ApiDescription description)
    {
        if (status == "201")
        {
            yield return Location;
        }

        if (status.StartsWith('2') && HttpMethods.IsPost(description.HttpMethod!))
        {
            yield return IdempotentReplayed;
        }

        if (status is "429" or "503")
        {
            yield return RetryAfter;
        }

        if (RateLimited(description))
        {
            yield return RateLimitPolicy;
            yield return RateLimit;
        }
    }

    public static Dictionary<string, IOpenApiHeader> Components() => new()
    {
        [Location] = Header("The URL of the created resource.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" }),
        [ETag] = Header("The strong entity tag of the resource in this response (a ticket's starts with its version); send it in If-Match or If-None-Match.",
            new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[^\"]+\"$" }),
        [RateLimitPolicy] = Header("The caller's budget for this kind of request (draft-ietf-httpapi-ratelimit-headers): `\"reads\";q=1200;w=60` is 1200 reads per 60 s.",
            new OpenApiSchema { Type = JsonSchemaType.String }),
        [RateLimit] = Header("What is left of that budget and the seconds until it resets: `\"reads\";r=1150;t=42`.",
            new OpenApiSchema { Type = JsonSchemaType.String }),
        [IdempotentReplayed] = Header("`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`; absent otherwise.",
            new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] }),
        [RetryAfter] = Header("Seconds to wait before retrying.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" }),
    };

    private static OpenApiHeader Header(string description, OpenApiSchema schema) => new() { Description = description, Schema = schema };

    /// <summary>Every operation under <c>/api</c> spends a rate-limit budget (the documentation does not).</summary>
    public static bool RateLimited(ApiDescription description) =>
        description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
        && !description.RelativePath.StartsWith("api/docs", StringComparison.Ordinal);
}
