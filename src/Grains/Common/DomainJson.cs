using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketPlatform.Common;

/// <summary>JSON as the domain writes it: camelCase members, UPPER_SNAKE enums.</summary>
public static class DomainJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new UpperSnakeEnumConverter());

        // Never used to convert (the converter above comes first); OpenAPI generators look for it to describe enums as strings.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        return options;
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);
}
