namespace TicketPlatform.Persistence.Migrations;

/// <summary>The processor names FluentMigrator reports, for <c>IfDatabase</c> in migrations with dialect-specific SQL.</summary>
internal static class Dialects
{
    // The Postgres processors report versioned names ("Postgres", "PostgreSQL15_0", ...).
    public static bool IsPostgres(string databaseType) => databaseType.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase);

    public static bool IsSqlite(string databaseType) => databaseType.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase);
}
