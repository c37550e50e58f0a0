using System.Globalization;
using System.Text;

namespace TicketPlatform.Attachments;

/// <summary>
/// The client's file name is metadata only: reduced to its last path segment, without control, format
/// (bidirectional overrides) or reserved characters, without leading dots, and at most <see cref="MaxLength"/> long.
/// </summary>
public static class AttachmentFileNames
{
    public const int MaxLength = 255;

    private const string Fallback = "file";
    private const int MaxExtensionLength = 16;

    public static string Sanitise(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (IsKept(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        name = kept.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        return name.Length == 0 ? Fallback : Shorten(name);
    }

    private static bool IsKept(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
        && !(rune.IsAscii && "\"*:<>?|".Contains((char)rune.Value, StringComparison.Ordinal));

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = "";
        }

        var stem = name[..(MaxLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem + extension;
    }
}
