using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketPlatform.Common;

/// <summary>
/// Enums as JSON strings in their one spelling (<see cref="EnumText"/>), read as strictly as the query string reads
/// them: another case, a number or any other text is an <see cref="EnumValueException"/> listing the allowed values.
/// </summary>
public sealed class UpperSnakeEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumText.TryParse<T>(reader.GetString(), out var value)
                ? value
                : throw new EnumValueException([.. EnumText.All<T>()]);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(EnumText.Of(value));
    }
}

/// <summary>A JSON enum value that is not one of <see cref="Allowed"/>.</summary>
public sealed class EnumValueException(string[] allowed)
    : JsonException($"Use one of: {string.Join(", ", allowed)}.")
{
    public string[] Allowed => allowed;
}
