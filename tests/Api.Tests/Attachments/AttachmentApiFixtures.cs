using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Tests.Attachments;

/// <summary>An Api with a small upload limit and an eager purge, so limits and purging are quick to test.</summary>
public static class AttachmentSettings
{
    public const long MaxBytes = 64 * 1024;

    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["TicketPlatform:Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TicketPlatform:Attachments:PurgeInterval"] = "00:00:00.200",
        ["TicketPlatform:Attachments:PurgeAfter"] = "00:00:00",
        ["TicketPlatform:Attachments:OrphanAfter"] = "00:00:03",
        ["TicketPlatform:Attachments:OrphanSweepInterval"] = "00:00:00.200",
    };
}

public sealed class SqliteAttachmentApi() : ApiFixture(DatabaseProvider.Sqlite, AttachmentSettings.Values);

public sealed class PostgresAttachmentApi() : ApiFixture(DatabaseProvider.Postgres, AttachmentSettings.Values);

[CollectionDefinition(nameof(SqliteAttachmentApi))]
public sealed class SqliteAttachmentApiCollection : ICollectionFixture<SqliteAttachmentApi>;

[CollectionDefinition(nameof(PostgresAttachmentApi))]
public sealed class PostgresAttachmentApiCollection : ICollectionFixture<PostgresAttachmentApi>;
