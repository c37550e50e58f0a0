using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace TicketPlatform.Persistence;

/// <summary>Applies the versioned migrations of both dialects. Safe to run from several processes at once.</summary>
public static class SchemaMigrator
{
    // Any constant works; it only has to be the same for every process migrating this database.
    private const long PostgresMigrationLockKey = 0x7469636b6574;

    public static void Migrate(DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnableWriteAheadLog(options.ConnectionString);
                Run(options, runner => runner.AddSQLite());
                break;
            case DatabaseProvider.Postgres:
                using (var connection = new NpgsqlConnection(options.ConnectionString))
                {
                    connection.Open();
                    using var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresMigrationLockKey})", connection);
                    lockCommand.ExecuteNonQuery();
                    try
                    {
                        Run(options, runner => runner.AddPostgres());
                    }
                    finally
                    {
                        // The session outlives Dispose in the connection pool: without this the lock is held until the pool closes it.
                        using var unlockCommand = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresMigrationLockKey})", connection);
                        unlockCommand.ExecuteNonQuery();
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }
    }

    private static void Run(DatabaseOptions options, Action<IMigrationRunnerBuilder> dialect)
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                dialect(runner);
                runner.WithGlobalConnectionString(options.ConnectionString)
                    .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
