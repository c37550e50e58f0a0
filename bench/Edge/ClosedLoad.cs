using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace TicketPlatform.Bench;

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers, each sending its next request when the last one answered, over
/// one SocketsHttpHandler. Prints one line: <c>rps=… p50_ms=… p99_ms=… ok=… failed=…</c> for the measured part.
/// </summary>
internal static class ClosedLoad
{
    public static async Task<int> Run(string url, string token, string method, string path, int concurrency, double warmUpSeconds, double seconds, string? body)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (token != "-")
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var tickets = (Environment.GetEnvironmentVariable("BENCH_TICKETS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmUpSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(seconds * Stopwatch.Frequency);
        var latencies = new List<double>[concurrency];
        var failed = new long[concurrency];
        var statuses = new Dictionary<int, long>[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(1 << 16);
            var codes = statuses[worker] = [];
            var target = tickets.Length > 0 ? path.Replace("{t}", tickets[worker % tickets.Length], StringComparison.Ordinal) : path;
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= end)
                {
                    return;
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), target);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                var sent = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                if (sent < measureFrom)
                {
                    continue;
                }

                codes[status] = codes.GetValueOrDefault(status) + 1;
                if (status is >= 200 and < 300)
                {
                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                else
                {
                    failed[worker]++;
                }
            }
        })));

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var ok = all.Length;
        var codesSeen = string.Join(",", statuses.SelectMany(s => s).GroupBy(s => s.Key).Select(g => $"{g.Key}:{g.Sum(x => x.Value)}"));
        Console.WriteLine(FormattableString.Invariant(
            $"rps={ok / seconds:F0} p50_ms={Percentile(all, 0.50):F2} p99_ms={Percentile(all, 0.99):F2} ok={ok} failed={failed.Sum()} statuses={codesSeen}"));
        return 0;
    }

    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
