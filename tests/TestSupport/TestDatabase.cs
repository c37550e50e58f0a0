using Npgsql;
using TicketPlatform.Persistence;
using Xunit;

namespace TicketPlatform.TestSupport;

/// <summary>
/// A fresh, migrated database of one dialect for one test fixture: a SQLite file in a temp directory, or a
/// new database on the PostgreSQL server that <c>scripts/test.sh</c> started. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Admin connection string of the throwaway server, set by scripts/test.sh.</summary>
    public const string PostgresVariable = "TICKETPLATFORM_TEST_POSTGRES";

    /// <summary>Set by scripts/test.sh, with the reason, when it could not start PostgreSQL.</summary>
    public const string PostgresUnavailableVariable = "TICKETPLATFORM_TEST_POSTGRES_UNAVAILABLE";

    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;
    private readonly string? _directory;

    private TestDatabase(DatabaseOptions options, string? directory, string? postgresName, string? postgresAdmin = null)
    {
        Options = options;
        _directory = directory;
        _postgresName = postgresName;
        _postgresAdmin = postgresAdmin;
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>The directory of a SQLite database (also usable as the service's data directory).</summary>
    public string? Directory => _directory;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var database = provider == DatabaseProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync(RequirePostgres());
        if (migrate)
        {
            SchemaMigrator.Migrate(database.Options);
        }

        return database;
    }

    /// <summary>A fresh, unmigrated database on another PostgreSQL server than the shared one (one a test may restart).</summary>
    public static Task<TestDatabase> CreateOnServerAsync(string adminConnectionString) => CreatePostgresAsync(adminConnectionString);

    /// <summary>
    /// The admin connection string of the test PostgreSQL server. Skips the calling test, loudly, only when
    /// the test command said it could not start one, or when the suite runs without the test command.
    /// </summary>
    public static string RequirePostgres()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var reason = Environment.GetEnvironmentVariable(PostgresUnavailableVariable)
                     ?? $"{PostgresVariable} is not set: run the suite through ./scripts/test.sh";
        Assert.Skip($"!!! POSTGRESQL TEST NOT RUN: {reason} !!!");
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A process that still holds the file will be gone soon; the temp directory is cleaned by the OS.
            }
        }
    }

    private static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ticketplatform-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestDatabase(DatabaseOptions.Sqlite(Path.Combine(directory, "ticketplatform.db")), directory, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string admin)
    {
        var name = "tp_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseOptions.Postgres(builder.ConnectionString), null, name, admin);
    }
}
