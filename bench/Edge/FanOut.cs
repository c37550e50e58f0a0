using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace TicketPlatform.Bench;

/// <summary>
/// P6: K SignalR connections (WebSockets, the token in the query, as browsers connect) join one ticket's room; M
/// messages are posted through REST at R per second. Each message carries its send time on this process's clock, and
/// each delivery's latency is receive time minus that. Prints p50/p99/max, delivered/expected, this client's CPU, and per
/// message the first delivery and the spread from first to last. With a second URL the connections alternate between
/// the two nodes (posts go to the first). Deliveries later than 30 s after the last post count as lost. The M messages
/// are measured after W warm-up messages posted the same way (their deliveries are awaited, and reported apart as the
/// cold figures): a fresh node compiles the post, commit and push paths on its first messages.
/// </summary>
internal static class FanOut
{
    private const string Measured = "bench ";
    private const string WarmUp = "warm-up ";

    public static async Task<int> Run(string url, string tokensFile, string number, int warmUpMessages, int messages, double perSecond, string? secondUrl)
    {
        var tokens = (await File.ReadAllLinesAsync(tokensFile)).Where(line => line.Length > 0).ToArray();
        var nodes = secondUrl is null ? new[] { new Uri(url) } : [new Uri(url), new Uri(secondUrl)];
        var latencies = new System.Collections.Concurrent.ConcurrentBag<(long Sent, double Ms)>();
        var coldLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var connections = new HubConnection[tokens.Length];
        for (var i = 0; i < tokens.Length; i += 50)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(50, tokens.Length - i)).Select(async k =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(nodes[k % nodes.Length], $"/hubs/tickets?access_token={Uri.EscapeDataString(tokens[k])}"), options =>
                    {
                        options.Transports = HttpTransportType.WebSockets;
                        options.SkipNegotiation = true;
                    })
                    .Build();
                connection.On<JsonElement>("new-message", push =>
                {
                    var received = Stopwatch.GetTimestamp();
                    if (!push.TryGetProperty("message", out var message) || message.GetProperty("content").GetString() is not { } content)
                    {
                        return;
                    }

                    if (content.StartsWith(Measured, StringComparison.Ordinal) && long.TryParse(content.AsSpan(Measured.Length), out var sent))
                    {
                        latencies.Add((sent, Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds));
                    }
                    else if (content.StartsWith(WarmUp, StringComparison.Ordinal) && long.TryParse(content.AsSpan(WarmUp.Length), out var warmUpSent))
                    {
                        coldLatencies.Add(Stopwatch.GetElapsedTime(warmUpSent, received).TotalMilliseconds);
                    }
                });
                await connection.StartAsync();
                await connection.InvokeAsync<long>("JoinTicket", number);
                connections[k] = connection;
            }));
        }

        // The bench script samples the servers' CPU here, to tell the cost of connecting from the cost of the fan-out.
        Console.WriteLine($"joined connections={tokens.Length}");
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        await Post(WarmUp, warmUpMessages);
        await Settled(() => coldLatencies.Count >= (long)warmUpMessages * tokens.Length);
        // ... and here, where the measured fan-out starts.
        Console.WriteLine($"warmed messages={warmUpMessages}");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var answered = await Post(Measured, messages);
        var expected = (long)messages * tokens.Length;
        await Settled(() => latencies.Count >= expected);

        // The client's own CPU over the message phase: near 100% means the load generator, not the server, sets the latency.
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / Stopwatch.GetElapsedTime(start);
        var sorted = latencies.Select(l => l.Ms).Order().ToArray();
        var cold = coldLatencies.Order().ToArray();

        // Per message: its first delivery (post, commit, push to the node) and the spread to its last (the fan-out itself).
        var perMessage = latencies.GroupBy(l => l.Sent).Select(g => (First: g.Min(l => l.Ms), Spread: g.Max(l => l.Ms) - g.Min(l => l.Ms))).ToArray();
        var first = perMessage.Select(p => p.First).Order().ToArray();
        var spread = perMessage.Select(p => p.Spread).Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"connections={tokens.Length} messages={messages} rate={perSecond}/s posted_ok={answered.Count(r => r.IsSuccessStatusCode)} delivered={sorted.Length} expected={expected} p50_ms={ClosedLoad.Percentile(sorted, 0.5):F1} p99_ms={ClosedLoad.Percentile(sorted, 0.99):F1} max_ms={(sorted.Length > 0 ? sorted[^1] : double.NaN):F1} client_cpu={clientCpu:P0} first_delivery_p50_ms={ClosedLoad.Percentile(first, 0.5):F1} first_delivery_max_ms={(first.Length > 0 ? first[^1] : double.NaN):F1} first_to_last_p50_ms={ClosedLoad.Percentile(spread, 0.5):F1} first_to_last_max_ms={(spread.Length > 0 ? spread[^1] : double.NaN):F1} warm_up_messages={warmUpMessages} cold_delivered={cold.Length} cold_p99_ms={ClosedLoad.Percentile(cold, 0.99):F1} cold_max_ms={(cold.Length > 0 ? cold[^1] : double.NaN):F1}"));
        await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
        return sorted.Length == expected ? 0 : 1;

        // Posts count messages at the rate (without waiting for answers), each carrying its send time after the prefix;
        // the answers are awaited together at the end.
        async Task<HttpResponseMessage[]> Post(string prefix, int count)
        {
            var posts = new List<Task<HttpResponseMessage>>();
            var begin = Stopwatch.GetTimestamp();
            for (var m = 0; m < count; m++)
            {
                var due = begin + (long)(m * interval.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                posts.Add(client.PostAsJsonAsync($"/api/tickets/{number}/messages", new { content = $"{prefix}{Stopwatch.GetTimestamp()}" }));
            }

            return await Task.WhenAll(posts);
        }
    }

    /// <summary>Waits until <paramref name="done"/>, at most 30 s (what is still missing then counts as lost).</summary>
    private static async Task Settled(Func<bool> done)
    {
        var settle = Stopwatch.StartNew();
        while (!done() && settle.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
    }
}
