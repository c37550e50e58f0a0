namespace TicketPlatform.Common;

/// <summary>Reads a cursor this list issued into its key; false for any other text.</summary>
public delegate bool CursorReader<TKey>(string cursor, out TKey key);

/// <summary>
/// The one paging mechanism of every list: the limit and cursor checks, a page cut from a read of limit + 1 rows,
/// and keyset paging over a list held in memory.
/// </summary>
public static class Paging
{
    public const string CursorMessage = "The cursor is not one this list issued.";

    /// <summary>Checks the limit and the cursor; <paramref name="after"/> is the decoded cursor, or null without one.</summary>
    public static DomainError? Check<TKey>(int limit, string? cursor, CursorReader<TKey> read, out TKey? after) where TKey : struct
    {
        after = null;
        var errors = new FieldErrors().Limit("limit", limit);
        if (cursor is not null)
        {
            if (read(cursor, out var key))
            {
                after = key;
            }
            else
            {
                errors.Add("cursor", CursorMessage);
            }
        }

        return errors.ToError();
    }

    /// <summary>The page of <paramref name="rows"/>, read as limit + 1, with a cursor after its last item when more follow.</summary>
    public static Page<T> Cut<T>(IReadOnlyList<T> rows, int limit, Func<T, string> cursorOf, long? total = null, bool? totalExact = null)
    {
        var items = rows.Take(limit).ToArray();
        return new Page<T>(items, rows.Count > limit ? cursorOf(items[^1]) : null, total, totalExact);
    }

    /// <summary>
    /// The page of <paramref name="newestFirst"/>, the rows just before a position read backwards (at most limit of them),
    /// shown oldest first; its cursor continues forward from its last item, like every cursor.
    /// </summary>
    public static Page<T> Backward<T>(IEnumerable<T> newestFirst, Func<T, string> cursorOf, long? total)
    {
        var items = newestFirst.Reverse().ToArray();
        return new Page<T>(items, items.Length > 0 ? cursorOf(items[^1]) : null, total);
    }

    /// <summary>
    /// A page of a list held in memory, ordered by <paramref name="keyOf"/> (its parts compared ordinally, so they
    /// must sort as text: padded numbers, round-trip UTC times); the cursor is the key of the last item shown.
    /// </summary>
    public static Result<Page<T>> InMemory<T>(IEnumerable<T> all, PageRequest request, Func<T, string[]> keyOf)
    {
        if (Check<InMemoryKey>(request.Limit, request.Cursor, ReadKey, out var after) is { } invalid)
        {
            return invalid;
        }

        var ordered = all.Select(item => (Item: item, Key: keyOf(item))).OrderBy(row => row.Key, KeyComparer.Instance).ToList();
        var rest = after is { } key ? ordered.Where(row => KeyComparer.Instance.Compare(row.Key, key.Parts) > 0).ToList() : ordered;
        var page = Cut(rest, request.Limit, row => Cursor.Encode(row.Key), request.IncludeTotal ? ordered.Count : null);
        return new Page<T>([.. page.Items.Select(row => row.Item)], page.NextCursor, page.Total);
    }

    private static bool ReadKey(string cursor, out InMemoryKey key)
    {
        key = default;
        if (!Cursor.TryDecode(cursor, parts: 2, out var parts))
        {
            return false;
        }

        key = new InMemoryKey(parts);
        return true;
    }

    private readonly record struct InMemoryKey(string[] Parts);

    private sealed class KeyComparer : IComparer<string[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (string.CompareOrdinal(x[i], y[i]) is var order and not 0)
                {
                    return order;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
