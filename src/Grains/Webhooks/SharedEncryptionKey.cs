using Microsoft.Extensions.Configuration;
using TicketPlatform.Persistence;

namespace TicketPlatform.Webhooks;

/// <summary>
/// A silo of the cluster profile must be given the webhook encryption key: any silo may deliver any endpoint's events,
/// so all of them must unseal the same secrets. A key file made in one silo's data directory would be that silo's alone.
/// </summary>
public static class SharedEncryptionKey
{
    private const string Key = $"{WebhookOptions.Section}:EncryptionKey";

    /// <summary>Why a silo on <paramref name="database"/> must not start with this configuration, or null.</summary>
    public static string? RefusalFor(IConfiguration configuration, DatabaseOptions database)
    {
        if (configuration[Key] is { Length: > 0 } configured)
        {
            return WebhookEncryptionKey.IsWellFormed(configured) ? null : $"{Key} must be base64 of {WebhookEncryptionKey.KeyBytes} bytes.";
        }

        return database.Provider == DatabaseProvider.Postgres
            ? $"{Key} is not set. Every silo of a cluster needs the same key (base64 of {WebhookEncryptionKey.KeyBytes} bytes), or the silos cannot read each other's webhook secrets."
            : null;
    }
}
