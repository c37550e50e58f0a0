using System.Data.Common;

namespace TicketPlatform.Persistence;

/// <summary>The small seam where SQLite and PostgreSQL differ. Everything else is one SQL text for both.</summary>
public interface ISqlDialect : IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    DbConnection CreateConnection();

    /// <summary>
    /// Called when a connection failed: pooled connections are likely dead too (the server restarted), so they are
    /// dropped rather than each failing one more request.
    /// </summary>
    void DiscardIdleConnections();

    /// <summary>Where the database admits one write transaction at a time (SQLite); null where writes run concurrently.</summary>
    SingleWriter? Writer { get; }

    /// <summary>
    /// Holds, until <paramref name="transaction"/> ends, a lock that serialises every write transaction taking the
    /// same <paramref name="key"/>, so that a check-then-write inside it sees all earlier commits.
    /// </summary>
    Task SerializeAsync(DbConnection connection, DbTransaction transaction, long key);

    /// <summary>
    /// The condition that <paramref name="column"/> is one of the values of an array parameter (Dapper expands a list for
    /// SQLite; Npgsql sends the array as one parameter, which <c>IN</c> does not accept).
    /// </summary>
    string IsAnyOf(string column, string arrayParameter);

    /// <summary>A case-insensitive substring match of <paramref name="column"/> against a LIKE pattern parameter.</summary>
    string ContainsIgnoreCase(string column, string patternParameter);

    /// <summary>
    /// The full-text query of a search text: every word it holds must occur as a whole word in one document,
    /// case-insensitively. Null when the text holds no word (it then matches nothing).
    /// </summary>
    Task<string?> TextQueryAsync(DbConnection connection, string text);

    /// <summary>
    /// How many documents of <paramref name="index"/> the database's statistics expect <paramref name="textQuery"/> to
    /// match, when they know every word of it; null when they do not (then only counting tells).
    /// </summary>
    ValueTask<double?> EstimatedTextMatchesAsync(DbConnection connection, TextIndex index, string textQuery);

    /// <summary>A query selecting the numbers of the tickets whose title or description matches the full-text query parameter.</summary>
    string TicketsMatchingText(string queryParameter);

    /// <summary>The condition that the text of the message aliased <paramref name="alias"/> matches the full-text query parameter.</summary>
    string MessageMatchesText(string alias, string queryParameter);

    bool IsUniqueViolation(DbException exception);

    bool IsForeignKeyViolation(DbException exception);
}
