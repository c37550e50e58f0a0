using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using TicketPlatform.Common;

namespace TicketPlatform.Api.OpenApi;

/// <summary>Readable component names: the type's own name, and <c>TicketPage</c> for a page of <c>TicketView</c>.</summary>
internal static class SchemaNames
{
    public static string? Of(JsonTypeInfo type)
    {
        if (type.Type.IsGenericType && type.Type.GetGenericTypeDefinition() == typeof(Page<>))
        {
            return ResourceName(type.Type.GetGenericArguments()[0]) + "Page";
        }

        return OpenApiOptions.CreateDefaultSchemaReferenceId(type);
    }

    private static string ResourceName(Type item) =>
        item.Name.EndsWith("View", StringComparison.Ordinal) ? item.Name[..^"View".Length] : item.Name;
}
