using System.Collections.Concurrent;
using System.Text.Json;

namespace TicketPlatform.Common;

/// <summary>The one spelling of enum values everywhere outside C#: UPPER_SNAKE (API, tables, payloads).</summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of<T>(T value) where T : struct, Enum => Name(value);

    /// <summary>Every member's name, for an enum type known only at run time (e.g. to document it).</summary>
    public static IEnumerable<string> All(Type enumType) => Enum.GetValues(enumType).Cast<Enum>().Select(Name);

    private static string Name(Enum value) =>
        Names.GetOrAdd(value, static v => JsonNamingPolicy.SnakeCaseUpper.ConvertName(v.ToString()));

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of);
}
