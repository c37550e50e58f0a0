using Microsoft.Extensions.Configuration;

namespace TicketPlatform.Persistence;

/// <summary>
/// The profile switch for data: PostgreSQL when <c>ConnectionStrings:TicketPlatform</c> is set,
/// otherwise a SQLite file in the data directory.
/// </summary>
public static class DatabaseOptionsFactory
{
    public const string ConnectionStringName = "TicketPlatform";
    public const string DataDirectoryKey = "TicketPlatform:DataDirectory";

    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return DatabaseOptions.Postgres(connectionString);
        }

        var dataDirectory = DataDirectory(configuration);
        Directory.CreateDirectory(dataDirectory);
        return DatabaseOptions.Sqlite(Path.Combine(dataDirectory, "ticketplatform.db"));
    }

    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } configured ? configured : "data");
}
