using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// The local identity of recent callers (id, role, active), so a request whose token says nothing new about its user
/// costs no call to the user's grain. Correct because a change of role or activation is pushed to every Api node
/// (<see cref="Realtime.UserAccessObserver"/>) and the grain answers the admin only after the nodes have forgotten
/// the user. Safety nets for a lost push: entries lapse after <see cref="AuthOptions.IdentityCacheTtl"/>, nothing is
/// cached while this node is not subscribed to the pushes (nor after the feed said it is going away), and everything is
/// forgotten when the feed's activation changed (pushes relayed in between may not have reached this node).
/// </summary>
public sealed class LocalIdentityCache(TimeProvider time, AuthOptions options)
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, CachedIdentity> _entries = new(StringComparer.Ordinal);
    private long _epoch;
    private Guid _feedActivation;
    private long _subscribedUntilTicks;

    /// <summary>Changes whenever something is forgotten: a grain answer fetched across a change is not kept.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    public bool TryGet(string subject, TokenIdentity token, out LocalIdentity identity)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(subject, out var entry) && now < entry.Until && now.UtcTicks < Interlocked.Read(ref _subscribedUntilTicks)
            && entry.Email == token.Email && entry.Name == token.Name)
        {
            identity = entry.Identity;
            return true;
        }

        identity = null!;
        return false;
    }

    /// <summary>Keeps what the user's grain answered for <paramref name="token"/>, unless something was forgotten since <paramref name="epochBefore"/>.</summary>
    public void Store(string subject, TokenIdentity token, LocalIdentity identity, long epochBefore)
    {
        var now = time.GetUtcNow();
        if (now.UtcTicks >= Interlocked.Read(ref _subscribedUntilTicks) || Epoch != epochBefore)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[subject] = new CachedIdentity(identity, token.Email, token.Name, now + options.IdentityCacheTtl);
        if (Epoch != epochBefore)
        {
            // A push landed while storing: it may have removed the entry before this write.
            _entries.TryRemove(subject, out _);
        }
    }

    public void Forget(string subject)
    {
        Interlocked.Increment(ref _epoch);
        _entries.TryRemove(subject, out _);
    }

    /// <summary>The feed activation this node last subscribed to; <see cref="Guid.Empty"/> before the first subscription.</summary>
    public Guid FeedActivation
    {
        get
        {
            lock (_entries)
            {
                return _feedActivation;
            }
        }
    }

    /// <summary>The feed this node subscribed to is going away: nothing is cached or trusted until the next subscription.</summary>
    public void Unsubscribed()
    {
        lock (_entries)
        {
            Interlocked.Exchange(ref _subscribedUntilTicks, 0);
            ForgetAll();
        }
    }

    /// <summary>This node's push subscription was made or renewed at the feed's activation <paramref name="feedActivation"/>, valid for <paramref name="validFor"/>.</summary>
    public void Subscribed(Guid feedActivation, TimeSpan validFor)
    {
        lock (_entries)
        {
            if (feedActivation != _feedActivation)
            {
                ForgetAll();
                _feedActivation = feedActivation;
            }

            Interlocked.Exchange(ref _subscribedUntilTicks, (time.GetUtcNow() + validFor).UtcTicks);
        }
    }

    /// <summary>Under the lock: every entry goes, and answers fetched before are not kept.</summary>
    private void ForgetAll()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }

    private sealed record CachedIdentity(LocalIdentity Identity, string? Email, string? Name, DateTimeOffset Until);
}
