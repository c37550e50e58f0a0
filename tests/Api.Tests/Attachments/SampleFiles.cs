using System.Text;

namespace TicketPlatform.Api.Tests.Attachments;

/// <summary>Small files whose first bytes are what real files of each kind start with.</summary>
public static class SampleFiles
{
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .Concat(Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 % 256))).ToArray();

    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1];

    public static byte[] Gif { get; } = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0];

    public static byte[] WebP { get; } = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 0x18, 0, 0, 0];

    public static byte[] Zip { get; } = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The start of a Windows executable: "MZ", then the DOS header with its NULs.</summary>
    public static byte[] Executable { get; } = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xB8, 0, 0, 0];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
