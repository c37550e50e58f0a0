using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using TicketPlatform.Common;

namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// An enum as the service writes and reads it: a string among the members' UPPER_SNAKE names. The generator cannot see
/// that through the service's own enum converter, so without this every enum schema would be empty (anything goes).
/// </summary>
internal static class EnumSchema
{
    public static List<JsonNode> Values(Type enumType) => [.. EnumText.All(enumType).Select(name => (JsonNode)JsonValue.Create(name))];

    /// <summary>
    /// The schema of <paramref name="type"/> when it is an enum, or a nullable one (the generator adds the null
    /// alternative itself); otherwise null.
    /// </summary>
    public static OpenApiSchema? For(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType
            ? new OpenApiSchema { Type = JsonSchemaType.String, Enum = Values(enumType) }
            : null;
}
