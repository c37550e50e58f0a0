using System.Data.Common;

namespace TicketPlatform.Persistence;

/// <summary>The small seam where SQLite and PostgreSQL differ. Everything else is one SQL text for both.</summary>
public interface ISqlDialect : IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    DbConnection CreateConnection();

    /// <summary>Held for the length of a write transaction; SQLite has one writer at a time.</summary>
    ValueTask<IDisposable> EnterWriterAsync(CancellationToken cancellationToken);

    /// <summary>A case-insensitive substring match of <paramref name="column"/> against a LIKE pattern parameter.</summary>
    string ContainsIgnoreCase(string column, string patternParameter);

    bool IsUniqueViolation(DbException exception);

    bool IsForeignKeyViolation(DbException exception);
}
