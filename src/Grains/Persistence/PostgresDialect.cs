using System.Data.Common;
using Dapper;
using Npgsql;

namespace TicketPlatform.Persistence;

public sealed class PostgresDialect(string connectionString) : ISqlDialect
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly PostgresWordStatistics _words = new();

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public SingleWriter? Writer => null;

    public DbConnection CreateConnection() => _dataSource.CreateConnection();

    public void DiscardIdleConnections() => _dataSource.Clear();

    // Under READ COMMITTED each later statement of the transaction takes a fresh snapshot, so it sees what the previous holder committed.
    public Task SerializeAsync(DbConnection connection, DbTransaction transaction, long key) =>
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key }, transaction);

    public string IsAnyOf(string column, string arrayParameter) => $"{column} = ANY({arrayParameter})";

    public string ContainsIgnoreCase(string column, string patternParameter) => $"{column} ILIKE {patternParameter} ESCAPE '\\'";

    // The words are the lexemes PostgreSQL's own parser finds in the text, so the query splits text exactly as the
    // index did (e-mail addresses, hyphenated words, numbers); each becomes a quoted term. The result is passed back
    // as a parameter so the planner sees a constant query and can use the words' statistics (a prefix term would
    // defeat them: its estimate never drops below 0.5%, so a word found nowhere walked the whole list).
    // The matching SQL casts that text to tsquery, which takes each quoted term as written: to_tsquery would parse
    // the terms again and split some differently from the index ("flux-9e615c3ef4" read as a number), finding nothing.
    public Task<string?> TextQueryAsync(DbConnection connection, string text) => connection.ExecuteScalarAsync<string?>(
        """
        SELECT string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''', ' & ')
        FROM unnest(to_tsvector('simple', @text))
        """,
        new { text });

    public ValueTask<double?> EstimatedTextMatchesAsync(DbConnection connection, TextIndex index, string textQuery) =>
        _words.EstimateAsync(connection, index, textQuery);

    public string TicketsMatchingText(string queryParameter) =>
        $"SELECT number FROM ticket_search WHERE search @@ CAST({queryParameter} AS tsquery)";

    public string MessageMatchesText(string alias, string queryParameter) => $"{alias}.search @@ CAST({queryParameter} AS tsquery)";

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public bool IsForeignKeyViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
