using System.Diagnostics;
using System.Net.Http.Headers;

namespace TicketPlatform.Bench;

/// <summary>
/// Reads every ticket named in a file once (<c>GET /api/tickets/{n}</c>), <c>concurrency</c> at a time, so that each
/// one's grain is active in the silo. Prints <c>read=… failed=… seconds=… statuses=…</c>.
/// </summary>
internal static class Activate
{
    public static async Task<int> Run(string url, string token, string numbersFile, int concurrency)
    {
        var numbers = (await File.ReadAllLinesAsync(numbersFile)).Where(line => line.Length > 0).ToArray();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var next = -1;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < numbers.Length; i = Interlocked.Increment(ref next))
            {
                int status;
                try
                {
                    using var response = await client.GetAsync($"/api/tickets/{numbers[i]}");
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
            }
        })));

        var read = statuses.GetValueOrDefault(200);
        Console.WriteLine(FormattableString.Invariant(
            $"read={read} failed={numbers.Length - read} seconds={Stopwatch.GetElapsedTime(started).TotalSeconds:F1} statuses={string.Join(",", statuses.Select(s => $"{s.Key}:{s.Value}"))}"));
        return read == numbers.Length ? 0 : 1;
    }
}
