namespace TicketPlatform.Attachments;

/// <summary>
/// The allow-list, decided on a file's bytes, never on what the client declares: the magic number of a PDF,
/// PNG, JPEG, GIF or WebP; a ZIP container named as an Office or OpenDocument file; or UTF-8 text without NUL.
/// </summary>
public static class AttachmentTypes
{
    /// <summary>How many leading bytes <see cref="OfSignature"/> needs to decide.</summary>
    public const int SignatureLength = 12;

    public const string PlainText = "text/plain; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";

    private static readonly (byte[] Magic, string ContentType)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ("GIF87a"u8.ToArray(), "image/gif"),
        ("GIF89a"u8.ToArray(), "image/gif"),
    ];

    private static readonly Dictionary<string, string> ZipDocuments = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    /// <summary>The content type a binary file's leading bytes prove, or null when they prove none on the list.</summary>
    public static string? OfSignature(ReadOnlySpan<byte> head, string fileName)
    {
        foreach (var (magic, contentType) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return contentType;
            }
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return head.StartsWith("PK\x03\x04"u8) && ZipDocuments.TryGetValue(Path.GetExtension(fileName), out var document) ? document : null;
    }

    /// <summary>The content type of a file found to be UTF-8 text.</summary>
    public static string OfText(string fileName) =>
        string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase) ? Csv : PlainText;

    public static bool IsAllowed(string contentType) =>
        contentType is PlainText or Csv || Signatures.Any(s => s.ContentType == contentType) || contentType == "image/webp" || ZipDocuments.ContainsValue(contentType);
}
