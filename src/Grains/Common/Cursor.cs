using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace TicketPlatform.Common;

/// <summary>An opaque keyset cursor: the sort key of the last row of a page, base64url-encoded JSON.</summary>
public static class Cursor
{
    public static string Encode(params string[] key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(key)));

    public static bool TryDecode(string? cursor, int parts, out string[] key)
    {
        key = [];
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            if (decoded is null || decoded.Length != parts || decoded.Any(string.IsNullOrEmpty))
            {
                return false;
            }

            key = decoded;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }
}
