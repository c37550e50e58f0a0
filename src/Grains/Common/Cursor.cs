using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace TicketPlatform.Common;

/// <summary>An opaque keyset cursor: the sort key of the last row of a page, base64url-encoded JSON.</summary>
public static class Cursor
{
    public static string Encode(params string[] key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(key)));

    /// <summary>The cursor of lists ordered by creation time, ties broken by id.</summary>
    public static string OfCreation(DateTimeOffset createdAt, Guid id) => Encode(KeyOfCreation(createdAt, id));

    /// <summary>The key behind <see cref="OfCreation"/>: parts that sort as text in time order (UTC, round-trip format).</summary>
    public static string[] KeyOfCreation(DateTimeOffset createdAt, Guid id) =>
        [createdAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture), id.ToString()];

    /// <summary>Reads a cursor made by <see cref="OfCreation"/>; false for anything else.</summary>
    public static bool TryDecodeCreation(string cursor, out (DateTimeOffset CreatedAt, Guid Id) after)
    {
        after = default;
        if (!TryDecode(cursor, parts: 2, out var key)
            || !DateTimeOffset.TryParse(key[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var createdAt)
            || !Guid.TryParse(key[1], out var id))
        {
            return false;
        }

        after = (createdAt.ToUniversalTime(), id);
        return true;
    }

    /// <summary>The cursor of lists ordered by a position number (a ticket's seq, the feed's global position).</summary>
    public static string OfSeq(long seq) => Encode(seq.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reads a cursor made by <see cref="OfSeq"/>; false for anything else.</summary>
    public static bool TryDecodeSeq(string cursor, out long seq)
    {
        seq = 0;
        return TryDecode(cursor, parts: 1, out var key)
               && long.TryParse(key[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seq);
    }

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
