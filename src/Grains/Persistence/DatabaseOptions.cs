namespace TicketPlatform.Persistence;

/// <summary>Where the domain tables live. Built once from configuration by <see cref="DatabaseOptionsFactory"/>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, $"Data Source={path};Foreign Keys=True;Pooling=True;Default Timeout=30");

    public static DatabaseOptions Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);
}
