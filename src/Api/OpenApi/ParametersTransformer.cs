using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketPlatform.Api.Common;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// Types every query parameter by its <see cref="QueryValueAttribute"/>, or by the shared meaning of its name; path
/// parameters are a ticket number or a UUID.
/// </summary>
internal sealed class ParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            var declared = context.Description.ParameterDescriptions
                .FirstOrDefault(d => string.Equals(d.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))
                ?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: var info }
                ? info.GetCustomAttribute<QueryValueAttribute>()
                : null;
            var value = declared ?? Shared(parameter.Name!);
            if (value is null)
            {
                continue;
            }

            parameter.Schema = SchemaOf(value);
            parameter.Required = value.Required;
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path) ?? [])
        {
            parameter.Schema = parameter.Name == "number"
                ? new OpenApiSchema { Type = JsonSchemaType.String, Pattern = TicketNumber.Shape, Examples = [JsonValue.Create("TCK-2026-00001")] }
                : new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        }

        return Task.CompletedTask;
    }

    /// <summary>Parameters that mean the same on every list.</summary>
    private static QueryValueAttribute? Shared(string name) => name switch
    {
        "limit" => new QueryValueAttribute(typeof(int)) { Minimum = 1, Maximum = QueryReader.MaxLimit },
        "cursor" => new QueryValueAttribute(typeof(string)) { MaxLength = 1000 },
        "includeTotal" or "archived" or "active" => new QueryValueAttribute(typeof(bool)),
        "q" => new QueryValueAttribute(typeof(string)) { MaxLength = 200 },
        _ => null,
    };

    private static OpenApiSchema SchemaOf(QueryValueAttribute value)
    {
        var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        var schema = type switch
        {
            _ when type.IsEnum => new OpenApiSchema { Type = JsonSchemaType.String, Enum = EnumSchema.Values(type) },
            _ when type == typeof(bool) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            _ when type == typeof(int) || type == typeof(long) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = type == typeof(int) ? "int32" : "int64" },
            _ when type == typeof(Guid) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            _ when type == typeof(DateTimeOffset) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };
        if (value.Values is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }

        if (value.Minimum != long.MinValue)
        {
            schema.Minimum = value.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (value.Maximum != long.MaxValue)
        {
            schema.Maximum = value.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (value.Pattern is not null)
        {
            schema.Pattern = value.Pattern;
        }

        if (value.MaxLength > 0)
        {
            schema.MaxLength = value.MaxLength;
        }

        return schema;
    }
}
