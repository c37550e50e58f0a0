using Microsoft.Extensions.Configuration;
using TicketPlatform.Common;

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
        OwnerOnly.CreateDirectory(dataDirectory);
        return DatabaseOptions.Sqlite(Path.Combine(dataDirectory, "ticketplatform.db"));
    }

    /// <summary>
    /// <c>TicketPlatform:DataDirectory</c>, else <c>data</c> under the working directory (not the content root, which is
    /// the build output): the service and the token command started from the same directory share it.
    /// </summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } configured ? configured : "data");
}
