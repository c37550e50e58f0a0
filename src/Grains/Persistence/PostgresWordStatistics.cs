using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Dapper;

namespace TicketPlatform.Persistence;

/// <summary>
/// What PostgreSQL's statistics (ANALYZE, run by autovacuum) know of the words of a full-text column: its most common
/// words with the fraction of rows holding each, and the table's row count. Read at most once every
/// <see cref="Refresh"/> per column, so a search costs no catalog query.
/// </summary>
internal sealed class PostgresWordStatistics
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<TextIndex, Snapshot> _snapshots = new();

    /// <summary>
    /// The expected number of rows matching every word of <paramref name="textQuery"/> (as <c>TextQueryAsync</c> wrote
    /// it), taking the words as independent; null when a word is not among the column's most common ones.
    /// </summary>
    public async ValueTask<double?> EstimateAsync(DbConnection connection, TextIndex index, string textQuery)
    {
        if (!_snapshots.TryGetValue(index, out var snapshot) || Environment.TickCount64 - snapshot.ReadAt > Refresh.TotalMilliseconds)
        {
            snapshot = _snapshots[index] = await ReadAsync(connection, index);
        }

        var estimate = snapshot.Rows;
        foreach (var word in Lexemes(textQuery))
        {
            if (!snapshot.Frequencies.TryGetValue(word, out var frequency))
            {
                return null;
            }

            estimate *= frequency;
        }

        return estimate;
    }

    private static async Task<Snapshot> ReadAsync(DbConnection connection, TextIndex index)
    {
        var (table, column) = index switch
        {
            TextIndex.Tickets => ("ticket_search", "search"),
            _ => ("messages", "search"),
        };
        var rows = await connection.QueryAsync<(string Word, double Frequency, double Rows)>(
            """
            SELECT x.word, x.frequency, c.reltuples
            FROM pg_stats s
            JOIN pg_class c ON c.relname = s.tablename AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = s.schemaname)
            CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(word, frequency)
            WHERE s.schemaname = current_schema() AND s.tablename = @table AND s.attname = @column
              AND x.word IS NOT NULL -- the frequencies array ends with three summary figures
            """,
            new { table, column });
        var list = rows.ToList();
        return new Snapshot(Environment.TickCount64, list.Count == 0 ? 0 : list[0].Rows, list.ToDictionary(r => r.Word, r => r.Frequency, StringComparer.Ordinal));
    }

    // Reads back the quoted terms of "'a' & 'it''s'": a quote inside a term is doubled, a backslash too.
    internal static IEnumerable<string> Lexemes(string textQuery)
    {
        var word = new StringBuilder();
        var inside = false;
        for (var i = 0; i < textQuery.Length; i++)
        {
            var c = textQuery[i];
            if (!inside)
            {
                inside = c == '\'';
                continue;
            }

            if ((c == '\'' || c == '\\') && i + 1 < textQuery.Length && textQuery[i + 1] == c)
            {
                word.Append(c);
                i++;
            }
            else if (c == '\'')
            {
                yield return word.ToString();
                word.Clear();
                inside = false;
            }
            else
            {
                word.Append(c);
            }
        }
    }

    // ReadAt is on the monotonic clock (milliseconds since boot): a wall-clock step neither keeps nor drops a snapshot.
    private sealed record Snapshot(long ReadAt, double Rows, Dictionary<string, double> Frequencies);
}
