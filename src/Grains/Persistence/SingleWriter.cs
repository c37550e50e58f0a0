using System.Data.Common;

namespace TicketPlatform.Persistence;

/// <summary>
/// A database that admits one write transaction at a time (SQLite, per file): <see cref="Turn"/> is held for the length
/// of each, and the writes waiting for it are grouped (<see cref="WriteGroup"/>) on one connection that they keep open.
/// </summary>
public sealed class SingleWriter(SemaphoreSlim turn, Func<DbConnection> createConnection)
{
    public SemaphoreSlim Turn => turn;

    /// <summary>The connection the grouped writes keep (on SQLite one that keeps its commands prepared: <see cref="SqliteWriterConnection"/>).</summary>
    public DbConnection CreateConnection() => createConnection();
}
