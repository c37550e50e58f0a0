using System.Text;
using TicketPlatform.Common;

namespace TicketPlatform.UnitTests.Common;

public sealed class CursorTests
{
    public static TheoryData<string[]> Keys => new(
        ["2026-03-05T12:30:00.0000000+00:00"],
        ["2026-03-05T12:30:00.0000000+00:00", "TCK-2026-00042"],
        ["3", "2026-03-05T12:30:00Z", "7d9c0a52-3f0e-4a5e-9d3b-0c1f2e3d4a5b"],
        ["with \"quotes\", commas and \\ backslashes", "ünïcödé ✓", "+/=?&"]);

    public static TheoryData<string?, int> Rejected => new()
    {
        { null, 1 },
        { "", 1 },
        { "not a cursor!", 1 },
        { "%%%%", 1 },
        { "a", 1 },
        { Base64Url("not json"), 1 },
        { Base64Url("{\"key\":\"a\"}"), 1 },
        { Base64Url("\"a\""), 1 },
        { Base64Url("null"), 1 },
        { Base64Url("[]"), 1 },
        { Base64Url("[1,2]"), 2 },
        { Base64Url("[\"a\",null]"), 2 },
        { Base64Url("[\"a\",\"\"]"), 2 },
        { Cursor.Encode("a", "b"), 1 },
        { Cursor.Encode("a", "b"), 3 },
        { Cursor.Encode("", "b"), 2 },
        { Cursor.Encode("a", "b") + "!", 2 },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void An_encoded_key_decodes_to_itself(string[] key)
    {
        var cursor = Cursor.Encode(key);

        Assert.True(Cursor.TryDecode(cursor, key.Length, out var decoded));
        Assert.Equal(key, decoded);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void An_encoded_cursor_is_url_safe(string[] key) =>
        Assert.All(Cursor.Encode(key), c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));

    [Theory]
    [MemberData(nameof(Rejected))]
    public void A_forged_or_mismatched_cursor_is_rejected_with_an_empty_key(string? cursor, int parts)
    {
        Assert.False(Cursor.TryDecode(cursor, parts, out var key));
        Assert.Empty(key);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
