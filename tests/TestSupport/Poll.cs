using System.Diagnostics;
using Xunit;

namespace TicketPlatform.TestSupport;

/// <summary>Waiting for an asynchronous effect: read again until it shows, with a bound, never a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan limit, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (clock.Elapsed >= limit)
            {
                Assert.Fail($"not within {limit}; the last value read: {value}");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(500));
        }
    }
}
