using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// Makes every schema say what is served and accepted, not what the serializer could tolerate:
/// <list type="bullet">
/// <item>numbers are numbers (the web defaults would also read them from strings; the service never writes one);</item>
/// <item>enums are strings, listed by their served names;</item>
/// <item>a response always carries every property but those left out when null (<c>JsonIgnore(WhenWritingNull)</c>);</item>
/// <item>a request needs exactly its <c>[Required]</c> properties, and those may not be null.</item>
/// </list>
/// </summary>
internal static class ServedSchemas
{
    public static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var info = context.JsonTypeInfo;
        if (EnumSchema.For(info.Type) is { } described)
        {
            (schema.Type, schema.Enum) = (described.Type, described.Enum);
            return Task.CompletedTask;
        }

        // An array of enums loses its items with them (an empty item schema is dropped).
        if (schema.Items is null && info.ElementType is { } element && EnumSchema.For(element) is { } items)
        {
            schema.Items = items;
        }

        if (schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (context.JsonPropertyInfo is null && info.Kind == JsonTypeInfoKind.Object && schema.Properties is not null)
        {
            if (info.Type.Name.EndsWith("Request", StringComparison.Ordinal))
            {
                MarkRequiredRequestFields(schema, info);
            }
            else
            {
                MarkAlwaysWrittenFields(schema, info);
            }
        }

        return Task.CompletedTask;
    }

    private static void MarkAlwaysWrittenFields(OpenApiSchema schema, JsonTypeInfo info)
    {
        schema.Required = new HashSet<string>(info.Properties
            .Where(p => !Has<JsonIgnoreAttribute>(p, a => a.Condition != JsonIgnoreCondition.Never) && schema.Properties!.ContainsKey(p.Name))
            .Select(p => p.Name));
    }

    private static void MarkRequiredRequestFields(OpenApiSchema schema, JsonTypeInfo info)
    {
        schema.Required = new HashSet<string>();
        foreach (var property in info.Properties.Where(p => Has<RequiredAttribute>(p, _ => true)))
        {
            schema.Required.Add(property.Name);
            if (schema.Properties![property.Name] is OpenApiSchema field)
            {
                schema.Properties[property.Name] = NotNull(field);
            }
        }
    }

    private static IOpenApiSchema NotNull(OpenApiSchema field)
    {
        if (field.Type is { } type)
        {
            field.Type = type & ~JsonSchemaType.Null;
        }

        var alternatives = field.OneOf?.Where(a => a is not OpenApiSchema { Type: JsonSchemaType.Null }).ToList();
        return alternatives is [var only] ? only : field;
    }

    /// <summary>A required request field referring to another schema may not be null (the generator wraps nullable references late).</summary>
    public static void RequiredAreNotNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema { Properties: { } properties, Required: { } required })
        {
            return;
        }

        foreach (var name in required.Where(properties.ContainsKey))
        {
            if (properties[name] is OpenApiSchema field)
            {
                properties[name] = NotNull(field);
            }
        }
    }

    private static bool Has<T>(JsonPropertyInfo property, Func<T, bool> condition) where T : Attribute =>
        property.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().Any(condition) ?? false;
}
