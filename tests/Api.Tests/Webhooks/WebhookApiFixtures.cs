using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>
/// An Api that may send webhooks to a loopback receiver over http, with short retry delays and a quick schedule, so
/// retries, order and recovery are quick to test. The retry window stays long: nothing here goes DEAD by accident.
/// </summary>
public static class WebhookSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Loopback = new Dictionary<string, string?>
    {
        ["TicketPlatform:Webhooks:AllowInsecureHttp"] = "true",
        ["TicketPlatform:Webhooks:AllowPrivateTargets"] = "true",
        ["TicketPlatform:Webhooks:RetryDelays"] = "00:00:00.100,00:00:00.200,00:00:00.400",
        ["TicketPlatform:Webhooks:ScanInterval"] = "00:00:00.200",
        ["TicketPlatform:Webhooks:CircuitBreakDuration"] = "00:00:00.500",
    };

    /// <summary>As <see cref="Loopback"/>, but a delivery is given up 2 s after it was queued and a finished one leaves the log 5 s after its last attempt.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ShortWindow = new Dictionary<string, string?>(Loopback)
    {
        ["TicketPlatform:Webhooks:RetryWindow"] = "00:00:02",
        ["TicketPlatform:Webhooks:DeliveryLogRetention"] = "00:00:05",
        ["TicketPlatform:Webhooks:DeliveryLogPurgeInterval"] = "00:00:00.200",
    };
}

public sealed class SqliteWebhookApi() : ApiFixture(DatabaseProvider.Sqlite, WebhookSettings.Loopback);

public sealed class PostgresWebhookApi() : ApiFixture(DatabaseProvider.Postgres, WebhookSettings.Loopback);

/// <summary>An Api that sends webhooks, for tests that read its meters: alone in the process, as <see cref="MeteredApi"/>.</summary>
public sealed class MeteredWebhookApi() : ApiFixture(DatabaseProvider.Sqlite, WebhookSettings.Loopback);

public sealed class SqliteShortWindowWebhookApi() : ApiFixture(DatabaseProvider.Sqlite, WebhookSettings.ShortWindow);

public sealed class PostgresShortWindowWebhookApi() : ApiFixture(DatabaseProvider.Postgres, WebhookSettings.ShortWindow);

[CollectionDefinition(nameof(SqliteWebhookApi))]
public sealed class SqliteWebhookApiCollection : ICollectionFixture<SqliteWebhookApi>;

[CollectionDefinition(nameof(PostgresWebhookApi))]
public sealed class PostgresWebhookApiCollection : ICollectionFixture<PostgresWebhookApi>;

[CollectionDefinition(nameof(SqliteShortWindowWebhookApi))]
public sealed class SqliteShortWindowWebhookApiCollection : ICollectionFixture<SqliteShortWindowWebhookApi>;

[CollectionDefinition(nameof(PostgresShortWindowWebhookApi))]
public sealed class PostgresShortWindowWebhookApiCollection : ICollectionFixture<PostgresShortWindowWebhookApi>;

[CollectionDefinition(nameof(MeteredWebhookApi), DisableParallelization = true)]
public sealed class MeteredWebhookApiCollection : ICollectionFixture<MeteredWebhookApi>;
