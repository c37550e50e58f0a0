using TicketPlatform.Hosting;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;
using Xunit;

namespace TicketPlatform.Grains.Tests.Fixtures;

/// <summary>
/// A two-silo in-process Orleans cluster whose silos share one fresh, migrated database of
/// <see cref="Provider"/>. One instance per xunit collection, so tests of a database run one at a time.
/// </summary>
public abstract class ClusterFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const int SiloCount = 2;

    private TestDatabase? _database;
    private InProcessTestCluster? _cluster;

    public DatabaseProvider Provider => provider;

    /// <summary>A subject configured as <c>TicketPlatform:Users:BootstrapAdmins:0</c> in every silo.</summary>
    public string BootstrapAdminSubject { get; } = "bootstrap-admin-" + Guid.NewGuid().ToString("N");

    public InProcessTestCluster Cluster => _cluster ?? throw Unavailable();

    public TestDatabase Database => _database ?? throw Unavailable();

    public IClusterClient Client => Cluster.Client;

    /// <summary>The grain factory inside silo <paramref name="index"/>: calls made through it originate in that silo.</summary>
    public IGrainFactory Silo(int index) => Cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(provider);
        _cluster = await StartClusterAsync(_database.Options);
    }

    /// <summary>Stops every silo and starts a new cluster on the same database: nothing survives but what was committed.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        _cluster = null;
        _cluster = await StartClusterAsync(Database.Options);
    }

    /// <summary>
    /// Another cluster on the same database: its activation of a ticket is a second writer next to this cluster's,
    /// so each one's commits make the other's state stale (the version fence decides between them).
    /// </summary>
    public Task<InProcessTestCluster> StartSecondClusterAsync() => StartClusterAsync(Database.Options);

    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(Database.Options.ConnectionString)
            : new NpgsqlConnection(Database.Options.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<InProcessTestCluster> StartClusterAsync(DatabaseOptions database)
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TicketPlatform:Users:BootstrapAdmins:0"] = BootstrapAdminSubject,
        }));
        builder.ConfigureSilo((_, silo) => silo.AddTicketPlatform(silo.Configuration, database));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private InvalidOperationException Unavailable()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestDatabase.RequirePostgres();
        }

        return new InvalidOperationException($"The {provider} cluster is not running.");
    }
}
