using System.Diagnostics;
using System.Globalization;
using TicketPlatform.Bench;

// p50/p99 of the list, search, stats and audit-feed calls at two sizes, through two running Apis (one per database),
// one client, sequential requests. The sizes are sampled interleaved (small, large, large, small, ...), so a noisy
// neighbour on the machine slows both alike and the ratio of p99s stays meaningful.
// Usage: ListLatency <small-url> <large-url> <samples>
//   Tokens: BENCH_AGENT_TOKEN and BENCH_ADMIN_TOKEN (valid on both), BENCH_USER_TOKEN_SMALL, BENCH_USER_TOKEN_LARGE.
var samples = int.Parse(args[2], CultureInfo.InvariantCulture);
var small = await ListTarget.Connect(new Uri(args[0]), "BENCH_USER_TOKEN_SMALL");
var large = await ListTarget.Connect(new Uri(args[1]), "BENCH_USER_TOKEN_LARGE");

Console.WriteLine("| call | p50 small | p99 small | p50 large | p99 large | p99 large / small |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (call, smallPath) in small.Calls)
{
    var largePath = large.Calls.Single(c => c.Name == call).Path;
    for (var i = 0; i < 10; i++)
    {
        await small.Get(call, smallPath);
        await large.Get(call, largePath);
    }

    var (smallTimes, largeTimes) = (new List<double>(samples), new List<double>(samples));
    for (var i = 0; i < samples; i++)
    {
        // Alternate which size goes first, so neither always follows the other's cache traffic.
        var order = i % 2 == 0 ? new[] { (small, smallPath, smallTimes), (large, largePath, largeTimes) } : [(large, largePath, largeTimes), (small, smallPath, smallTimes)];
        foreach (var (target, path, times) in order)
        {
            var watch = Stopwatch.StartNew();
            await target.Get(call, path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    smallTimes.Sort();
    largeTimes.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {call} | {Percentile(smallTimes, 0.50):F1} | {Percentile(smallTimes, 0.99):F1} | {Percentile(largeTimes, 0.50):F1} | {Percentile(largeTimes, 0.99):F1} | {Percentile(largeTimes, 0.99) / Percentile(smallTimes, 0.99):F2} |"));
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
