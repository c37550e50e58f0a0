namespace TicketPlatform.Persistence;

/// <summary>LIKE patterns for <see cref="ISqlDialect.ContainsIgnoreCase"/>, with '\' as the escape character.</summary>
public static class LikePattern
{
    public static string Contains(string text) => "%" + Escape(text) + "%";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
