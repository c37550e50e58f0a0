using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using TicketPlatform.Common;
using TicketPlatform.Persistence;

namespace TicketPlatform.Idempotency;

/// <summary>
/// The <c>idempotency_keys</c> table. A key's row is written without a response in the transaction of its request's
/// effect (<see cref="Record"/>, <see cref="WriteEffectAsync{T}"/>), then completed with the response; a row older than
/// the retention counts as absent until the purge removes it.
/// </summary>
internal sealed class IdempotencyStore(Database database, Clock clock, IOptions<IdempotencyOptions> options)
{
    /// <summary>
    /// Inserts the key's row, or takes over the row only when it is expired or is this very request's unanswered row (an
    /// earlier transaction of the same request). Affects no row when the key belongs to another request or was answered.
    /// </summary>
    private const string Upsert = """
        INSERT INTO idempotency_keys (caller_id, idempotency_key, fingerprint, created_at, response_status, response_content_type, response_location, response_body)
        VALUES (@Caller, @Key, @Fingerprint, @Now, @Status, @ContentType, @Location, @Body)
        ON CONFLICT (caller_id, idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at,
            response_status = excluded.response_status, response_content_type = excluded.response_content_type,
            response_location = excluded.response_location, response_body = excluded.response_body
        WHERE idempotency_keys.created_at < @NotBefore
            OR (idempotency_keys.fingerprint = excluded.fingerprint AND idempotency_keys.response_status IS NULL)
        """;

    /// <summary>The statement that records <paramref name="claim"/> in the transaction of its effect; it must affect a row.</summary>
    public SqlStatement Record(IdempotencyClaim claim) => new(Upsert, Parameters(claim, response: null), MustAffectRow: true);

    /// <summary>
    /// <see cref="Database.WriteAsync{T}"/> for the effect of a POST: when the request carries a key and
    /// <paramref name="tookEffect"/> says the write changed something, the key is recorded in the same transaction.
    /// </summary>
    public Task<T> WriteEffectAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, Func<T, bool>? tookEffect = null) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var result = await write(connection, transaction);
            if (IdempotencyClaim.Current is { } claim && (tookEffect?.Invoke(result) ?? true)
                && !await SqlBatch.ExecuteAsync(connection, transaction, [Record(claim)]))
            {
                throw new IdempotencyKeyTakenException();
            }

            return result;
        });

    public Task<StoredKey?> Find(Guid caller, string key) => database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<StoredKey>(
        """
        SELECT fingerprint, response_status, response_content_type, response_location, response_body FROM idempotency_keys
        WHERE caller_id = @caller AND idempotency_key = @key AND created_at >= @notBefore
        """,
        new { caller, key, notBefore = NotBefore() }));

    /// <summary>Stores the response of the request <paramref name="claim"/> names; false when the key belongs to another request.</summary>
    public Task<bool> Complete(IdempotencyClaim claim, StoredResponse response) => database.WriteAsync((connection, transaction) =>
        SqlBatch.ExecuteAsync(connection, transaction, [new SqlStatement(Upsert, Parameters(claim, response), MustAffectRow: true)]));

    /// <summary>Deletes up to <paramref name="take"/> rows past the retention; how many.</summary>
    public Task<int> PurgeExpired(int take) => database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
        """
        DELETE FROM idempotency_keys WHERE (caller_id, idempotency_key) IN (
            SELECT caller_id, idempotency_key FROM idempotency_keys WHERE created_at < @notBefore ORDER BY created_at LIMIT @take)
        """,
        new { notBefore = NotBefore(), take }, transaction));

    private DateTimeOffset NotBefore() => clock.Now() - options.Value.Retention;

    private object Parameters(IdempotencyClaim claim, StoredResponse? response) => new
    {
        claim.Caller,
        claim.Key,
        claim.Fingerprint,
        Now = clock.Now(),
        NotBefore = NotBefore(),
        Status = response?.Status,
        response?.ContentType,
        response?.Location,
        response?.Body,
    };
}

/// <summary>A row of <c>idempotency_keys</c>; no status while the response is not stored.</summary>
internal sealed class StoredKey
{
    public string Fingerprint { get; init; } = "";

    public int? ResponseStatus { get; init; }

    public string? ResponseContentType { get; init; }

    public string? ResponseLocation { get; init; }

    public byte[]? ResponseBody { get; init; }

    public StoredResponse? Response => ResponseStatus is { } status ? new StoredResponse(status, ResponseContentType, ResponseLocation, ResponseBody ?? []) : null;
}
