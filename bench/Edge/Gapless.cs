using System.Net.Http.Headers;
using System.Text.Json;

namespace TicketPlatform.Bench;

/// <summary>Reads a ticket's whole timeline and checks its <c>seq</c> runs 1, 2, … n: no gap, no repeat.</summary>
internal static class Gapless
{
    public static async Task<int> Run(string url, string token, string number)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        long expected = 1;
        string? cursor = null;
        do
        {
            var page = JsonDocument.Parse(await client.GetStringAsync($"/api/tickets/{number}/events?limit=100{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).RootElement;
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                var seq = item.GetProperty("seq").GetInt64();
                if (seq != expected)
                {
                    Console.WriteLine($"gapless=false at={expected} found={seq}");
                    return 1;
                }

                expected++;
            }

            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        Console.WriteLine($"gapless=true events={expected - 1}");
        return 0;
    }
}
