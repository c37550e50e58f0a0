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
/// the two nodes (posts go to the first). Deliveries later than 30 s after the last post count as lost.
/// </summary>
internal static class FanOut
{
    public static async Task<int> Run(string url, string tokensFile, string number, int messages, double perSecond, string? secondUrl)
    {
        var tokens = (await File.ReadAllLinesAsync(tokensFile)).Where(line => line.Length > 0).ToArray();
        var nodes = secondUrl is null ? new[] { new Uri(url) } : [new Uri(url), new Uri(secondUrl)];
        var latencies = new System.Collections.Concurrent.ConcurrentBag<(long Sent, double Ms)>();
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
                    if (push.TryGetProperty("message", out var message) && message.GetProperty("content").GetString() is { } content
                        && content.StartsWith("bench ", StringComparison.Ordinal) && long.TryParse(content.AsSpan(6), out var sent))
                    {
                        latencies.Add((sent, Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds));
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
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var posts = new List<Task<HttpResponseMessage>>();
        for (var m = 0; m < messages; m++)
        {
            var due = start + (long)(m * interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            posts.Add(client.PostAsJsonAsync($"/api/tickets/{number}/messages", new { content = $"bench {Stopwatch.GetTimestamp()}" }));
        }

        var answered = await Task.WhenAll(posts);
        var expected = (long)messages * tokens.Length;
        var settle = Stopwatch.StartNew();
        while (latencies.Count < expected && settle.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        // The client's own CPU over the message phase: near 100% means the load generator, not the server, sets the latency.
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / Stopwatch.GetElapsedTime(start);
        var sorted = latencies.Select(l => l.Ms).Order().ToArray();

        // Per message: its first delivery (post, commit, push to the node) and the spread to its last (the fan-out itself).
        var perMessage = latencies.GroupBy(l => l.Sent).Select(g => (First: g.Min(l => l.Ms), Spread: g.Max(l => l.Ms) - g.Min(l => l.Ms))).ToArray();
        var first = perMessage.Select(p => p.First).Order().ToArray();
        var spread = perMessage.Select(p => p.Spread).Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"connections={tokens.Length} messages={messages} rate={perSecond}/s posted_ok={answered.Count(r => r.IsSuccessStatusCode)} delivered={sorted.Length} expected={expected} p50_ms={ClosedLoad.Percentile(sorted, 0.5):F1} p99_ms={ClosedLoad.Percentile(sorted, 0.99):F1} max_ms={(sorted.Length > 0 ? sorted[^1] : double.NaN):F1} client_cpu={clientCpu:P0} first_delivery_p50_ms={ClosedLoad.Percentile(first, 0.5):F1} first_delivery_max_ms={(first.Length > 0 ? first[^1] : double.NaN):F1} first_to_last_p50_ms={ClosedLoad.Percentile(spread, 0.5):F1} first_to_last_max_ms={(spread.Length > 0 ? spread[^1] : double.NaN):F1}"));
        await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
        return sorted.Length == expected ? 0 : 1;
    }
}
