using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>Documents an endpoint that streams one file from a multipart form (read by hand, so the framework cannot describe it).</summary>
public static class MultipartUpload
{
    public const string FilePart = "file";

    public static TBuilder AcceptsFileUpload<TBuilder>(this TBuilder builder, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Marker()).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { FilePart },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [FilePart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file; its name is kept (made safe)." },
                            },
                        },
                        Encoding = new Dictionary<string, OpenApiEncoding>
                        {
                            [FilePart] = new() { ContentType = "application/octet-stream" },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>Endpoint metadata: this endpoint reads a request body (a form) although no parameter binds one.</summary>
    public sealed class Marker;
}
