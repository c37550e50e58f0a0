using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>One running Api per database for a whole collection of test classes.</summary>
public abstract class ApiFixture(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public ApiFactory Api { get; private set; } = null!;

    public DatabaseProvider Provider => provider;

    public async ValueTask InitializeAsync() => Api = await ApiFactory.StartAsync(provider, settings);

    public async ValueTask DisposeAsync() => await Api.DisposeAllAsync();
}

public sealed class SqliteApi() : ApiFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApi() : ApiFixture(DatabaseProvider.Postgres);

[CollectionDefinition(nameof(SqliteApi))]
public sealed class SqliteApiCollection : ICollectionFixture<SqliteApi>;

[CollectionDefinition(nameof(PostgresApi))]
public sealed class PostgresApiCollection : ICollectionFixture<PostgresApi>;

/// <summary>
/// An Api of its own for tests that read the process's meters. Each host makes its own meters, but OpenTelemetry takes
/// two instruments of one name as one stream, whichever host made them, so a scrape may show another Api's counts;
/// the collection therefore runs alone, when no other Api lives in the test process.
/// </summary>
public sealed class MeteredApi() : ApiFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(nameof(MeteredApi), DisableParallelization = true)]
public sealed class MeteredApiCollection : ICollectionFixture<MeteredApi>;

/// <summary>Tests that start an Api of their own and read its meters: alone in the process, as <see cref="MeteredApi"/>.</summary>
[CollectionDefinition(nameof(AloneInProcess), DisableParallelization = true)]
public sealed class AloneInProcess;
