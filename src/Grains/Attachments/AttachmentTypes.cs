namespace TicketPlatform.Attachments;

/// <summary>
/// The allow-list, decided on a file's bytes: the magic number of a PDF, PNG, JPEG, GIF or WebP; a ZIP container
/// named as an Office or OpenDocument file; or UTF-8 text without NUL named .txt, .csv, .log, .md or .json. The
/// file name's extension and the declared type must agree with what the bytes are; HTML, SVG and scripts are
/// never accepted, whatever their bytes.
/// </summary>
public static class AttachmentTypes
{
    private const string OctetStream = "application/octet-stream";
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

    /// <summary>Each accepted extension: the type its bytes must prove, and the declared types that agree with it.</summary>
    private static readonly Dictionary<string, (string Stored, string[] Declared)> Extensions = BuildExtensions();

    /// <summary>
    /// Why a file cannot be accepted by its name and declared type alone (an extension off the list, or a declared
    /// type that disagrees with it); null when the bytes may decide. No declared type, or application/octet-stream, agrees with any extension.
    /// </summary>
    public static string? RefuseByName(string fileName, string? declaredType)
    {
        if (!Extensions.TryGetValue(Path.GetExtension(fileName), out var expected))
        {
            return $"Files named '{Path.GetExtension(fileName)}' are not accepted; use one of {string.Join(", ", Extensions.Keys)}.";
        }

        var declared = MediaTypeOf(declaredType);
        return declared is null or OctetStream || expected.Declared.Contains(declared, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"The declared type '{declared}' does not match a '{Path.GetExtension(fileName)}' file.";
    }

    /// <summary>True when the type found in the bytes is the one the file's extension promises.</summary>
    public static bool AgreesWithName(string contentType, string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var expected) && expected.Stored == contentType;

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

    private static string? MediaTypeOf(string? declaredType) =>
        string.IsNullOrWhiteSpace(declaredType) ? null : declaredType.Split(';')[0].Trim().ToLowerInvariant();

    private static Dictionary<string, (string Stored, string[] Declared)> BuildExtensions()
    {
        var extensions = new Dictionary<string, (string Stored, string[] Declared)>(StringComparer.OrdinalIgnoreCase)
        {
            [".pdf"] = ("application/pdf", ["application/pdf"]),
            [".png"] = ("image/png", ["image/png"]),
            [".jpg"] = ("image/jpeg", ["image/jpeg"]),
            [".jpeg"] = ("image/jpeg", ["image/jpeg"]),
            [".gif"] = ("image/gif", ["image/gif"]),
            [".webp"] = ("image/webp", ["image/webp"]),
            [".txt"] = (PlainText, ["text/plain"]),
            [".log"] = (PlainText, ["text/plain", "text/x-log"]),
            [".md"] = (PlainText, ["text/plain", "text/markdown", "text/x-markdown"]),
            [".json"] = (PlainText, ["text/plain", "application/json"]),
            [".csv"] = (Csv, ["text/csv", "text/plain", "application/vnd.ms-excel"]),
        };
        foreach (var (extension, contentType) in ZipDocuments)
        {
            extensions[extension] = (contentType, [contentType]);
        }

        return extensions;
    }

    public static bool IsAllowed(string contentType) =>
        contentType is PlainText or Csv || Signatures.Any(s => s.ContentType == contentType) || contentType == "image/webp" || ZipDocuments.ContainsValue(contentType);
}
