using TicketPlatform.Persistence;
using Xunit;

namespace TicketPlatform.Grains.Tests.Fixtures;

public sealed class SqliteCluster() : ClusterFixture(DatabaseProvider.Sqlite)
{
    public const string Collection = "Grains on SQLite";
}

[CollectionDefinition(SqliteCluster.Collection)]
public sealed class SqliteClusterCollection : ICollectionFixture<SqliteCluster>;
