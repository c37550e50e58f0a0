using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace TicketPlatform.Persistence;

/// <summary>
/// SQLite in WAL mode with one serialised writer per database file: Microsoft.Data.Sqlite's async calls run
/// synchronously, so contention is resolved here instead of by SQLite's busy loop.
/// </summary>
public sealed partial class SqliteDialect(string connectionString) : ISqlDialect
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public SingleWriter? Writer { get; } = new(
        Turns.GetOrAdd(new SqliteConnectionStringBuilder(connectionString).DataSource, _ => new SemaphoreSlim(1, 1)),
        () => new SqliteWriterConnection(connectionString));

    public DbConnection CreateConnection() => new SqliteConnection(connectionString);

    public void DiscardIdleConnections()
    {
    }

    // Already serialised: one writer per file at a time (Writer), and SQLite itself admits one writing transaction.
    public Task SerializeAsync(DbConnection connection, DbTransaction transaction, long key) => Task.CompletedTask;

    public string IsAnyOf(string column, string arrayParameter) => $"{column} IN {arrayParameter}";

    public string ContainsIgnoreCase(string column, string patternParameter) => $"{column} LIKE {patternParameter} ESCAPE '\\'";

    // FTS5's unicode61 tokenizer splits on everything but letters and digits; so does this. Each word becomes a
    // quoted term, so no character of the text is FTS5 syntax.
    public Task<string?> TextQueryAsync(DbConnection connection, string text)
    {
        var words = Words().Matches(text).Select(word => $"\"{word.Value}\"").ToArray();
        return Task.FromResult(words.Length == 0 ? null : string.Join(' ', words));
    }

    // FTS5 keeps no word statistics the planner or this service could read cheaply.
    public ValueTask<double?> EstimatedTextMatchesAsync(DbConnection connection, TextIndex index, string textQuery) => ValueTask.FromResult<double?>(null);

    public string TicketsMatchingText(string queryParameter) =>
        $"SELECT number FROM tickets WHERE rowid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH {queryParameter})";

    public string MessageMatchesText(string alias, string queryParameter) =>
        $"{alias}.rowid IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH {queryParameter})";

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public bool IsForeignKeyViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 787 };

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+")]
    private static partial Regex Words();
}
