using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TicketPlatform.Api.RateLimits;

/// <summary>
/// The one set of per-caller fixed windows (System.Threading.RateLimiting) that HTTP requests and hub invocations
/// both draw on, with what the <c>RateLimit</c> headers need: the budget, what is left and when the window resets.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int MaxTrackedWindows = 10_000;

    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<RateLimitKey, DateTimeOffset> _windowStarts = new();
    private readonly ConcurrentDictionary<RateLimitBudget, string> _policyHeaders = new();

    public CallerRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        // The partitioner runs on every request: one factory made here, rather than a closure per call.
        Func<RateLimitKey, RateLimiter> newWindow = key => new FixedWindowRateLimiter(StartWindow(key));
        Limiter = PartitionedRateLimiter.Create<RateLimitKey, RateLimitKey>(key => key.Budget == RateLimitBudget.None
            ? RateLimitPartition.GetNoLimiter(key)
            : new RateLimitPartition<RateLimitKey>(key, newWindow));
    }

    public bool Enabled => _options.Enabled;

    public PartitionedRateLimiter<RateLimitKey> Limiter { get; }

    public int Quota(RateLimitBudget budget) => budget switch
    {
        RateLimitBudget.Reads => _options.ReadsPerMinute,
        RateLimitBudget.Writes => _options.WritesPerMinute,
        _ => _options.AnonymousPerMinute,
    };

    /// <summary><c>RateLimit-Policy</c> (draft-ietf-httpapi-ratelimit-headers): the budget and its window in seconds.</summary>
    public string PolicyHeader(RateLimitKey key) => _policyHeaders.GetOrAdd(key.Budget, budget => $"\"{new RateLimitKey(budget, "").PolicyName}\";q={Quota(budget)};w={(int)Window.TotalSeconds}");

    /// <summary><c>RateLimit</c>: what is left of the budget and the seconds until the window resets.</summary>
    public string StateHeader(RateLimitKey key)
    {
        var remaining = Limiter.GetStatistics(key)?.CurrentAvailablePermits ?? Quota(key.Budget);
        return $"\"{key.PolicyName}\";r={Math.Max(0, remaining)};t={SecondsToReset(key)}";
    }

    /// <summary>Called whenever a caller's limiter is (re)created, which is when its first window starts.</summary>
    private FixedWindowRateLimiterOptions StartWindow(RateLimitKey key)
    {
        var now = _time.GetUtcNow();
        if (_windowStarts.Count > MaxTrackedWindows)
        {
            // Limiters idle for a while are dropped by the partitioned limiter; forget their starts too.
            foreach (var old in _windowStarts.Where(w => now - w.Value > TimeSpan.FromHours(1)))
            {
                _windowStarts.TryRemove(old);
            }
        }

        _windowStarts[key] = now;
        return new FixedWindowRateLimiterOptions { PermitLimit = Quota(key.Budget), Window = Window, QueueLimit = 0 };
    }

    private long SecondsToReset(RateLimitKey key)
    {
        if (!_windowStarts.TryGetValue(key, out var start))
        {
            return (long)Window.TotalSeconds;
        }

        var intoWindow = TimeSpan.FromTicks((_time.GetUtcNow() - start).Ticks % Window.Ticks);
        return (long)Math.Ceiling((Window - intoWindow).TotalSeconds);
    }

    public void Dispose() => Limiter.Dispose();
}
