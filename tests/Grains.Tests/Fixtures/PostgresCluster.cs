using TicketPlatform.Persistence;
using Xunit;

namespace TicketPlatform.Grains.Tests.Fixtures;

/// <summary>Skips its tests loudly, in their bodies, when no test PostgreSQL server is configured.</summary>
public sealed class PostgresCluster() : ClusterFixture(DatabaseProvider.Postgres)
{
    public const string Collection = "Grains on PostgreSQL";
}

[CollectionDefinition(PostgresCluster.Collection)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresCluster>;
