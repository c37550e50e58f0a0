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
