using System.Diagnostics;
using Xunit;

namespace TicketPlatform.TestSupport;

/// <summary>
/// Bounded polling for effects that become visible asynchronously (a scrape, a background job, a log line, a
/// running load): the one way the suite waits. Never a fixed sleep, never an unbounded loop.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition may take unless the caller says otherwise: generous, since the machine may be busy.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="accept"/> holds and returns that value; after
    /// <paramref name="limit"/> fails the test, naming what was <paramref name="awaited"/> and the last value read.
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> accept, string awaited, TimeSpan? limit = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }

            if (waited.Elapsed >= (limit ?? DefaultLimit))
            {
                Assert.Fail($"Waited {waited.Elapsed.TotalSeconds:F1} s for {awaited}; last seen: {value}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test after <paramref name="limit"/>.</summary>
    public static Task True(Func<Task<bool>> condition, string awaited, TimeSpan? limit = null) =>
        Until(condition, holds => holds, awaited, limit);

    /// <summary>Waits until <paramref name="condition"/> holds and says whether it did within <paramref name="limit"/>, for callers that report the outcome themselves.</summary>
    public static async Task<bool> Within(TimeSpan limit, Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed >= limit)
            {
                return false;
            }

            await Task.Delay(Interval);
        }

        return true;
    }
}
