using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>A file download answers with the file's own media type, whatever it is: documented as any type, binary.</summary>
internal sealed class FileDownloadsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        if (handler is null || !Returns<FileStreamHttpResult>(handler.ReturnType))
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The file's bytes, with its detected media type, as an attachment (Content-Disposition).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["*/*"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            },
        };
        return Task.CompletedTask;
    }

    private static bool Returns<T>(Type type) =>
        type == typeof(T) || (type.IsGenericType && type.GetGenericArguments().Any(Returns<T>));
}
