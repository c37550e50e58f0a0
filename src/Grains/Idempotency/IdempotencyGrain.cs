using Microsoft.Extensions.Options;
using TicketPlatform.Common;

namespace TicketPlatform.Idempotency;

/// <summary>
/// One caller's one key. The lease lives in memory (the activation is kept while it lasts); what was answered lives in
/// the database, so a replay works from any Api node and after any restart.
/// </summary>
internal sealed class IdempotencyGrain(IdempotencyStore store, Clock clock, IOptions<IdempotencyOptions> options) : Grain, IIdempotencyGrain
{
    private (string Fingerprint, DateTimeOffset Until)? _lease;

    private Guid Caller => Guid.ParseExact(this.GetPrimaryKeyString()[..32], "N");

    private string Key => this.GetPrimaryKeyString()[33..];

    public async Task<IdempotencyDecision> Begin(string fingerprint)
    {
        if (_lease is { } lease && lease.Until > clock.Now())
        {
            return new(lease.Fingerprint == fingerprint ? IdempotencyOutcome.InFlight : IdempotencyOutcome.Reused);
        }

        if (await store.Find(Caller, Key) is { } stored)
        {
            // A row without a response: the effect committed but its answer was never stored (the Api node died between).
            // Running the request again would repeat the effect; the answer itself is lost.
            return stored.Fingerprint != fingerprint ? new(IdempotencyOutcome.Reused)
                : stored.Response is { } response ? new(IdempotencyOutcome.Replay, response)
                : new(IdempotencyOutcome.InFlight);
        }

        _lease = (fingerprint, clock.Now() + options.Value.LeaseTimeout);
        DelayDeactivation(options.Value.LeaseTimeout);
        return new(IdempotencyOutcome.Proceed);
    }

    public async Task Complete(string fingerprint, StoredResponse response)
    {
        await store.Complete(new IdempotencyClaim(Caller, Key, fingerprint), response);
        Release(fingerprint);
    }

    Task IIdempotencyGrain.Release(string fingerprint)
    {
        Release(fingerprint);
        return Task.CompletedTask;
    }

    private void Release(string fingerprint)
    {
        if (_lease?.Fingerprint == fingerprint)
        {
            _lease = null;
        }
    }
}
