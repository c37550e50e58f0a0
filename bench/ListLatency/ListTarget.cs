using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TicketPlatform.Bench;

/// <summary>One Api on one seeded database: its clients per role and the calls measured, with ids and cursors of its own data.</summary>
internal sealed class ListTarget
{
    private readonly Dictionary<string, HttpClient> _clientOf = [];

    private ListTarget()
    {
    }

    public List<(string Name, string Path)> Calls { get; } = [];

    public static async Task<ListTarget> Connect(Uri baseUrl, string userTokenVariable)
    {
        var target = new ListTarget();
        var agent = Client(baseUrl, "BENCH_AGENT_TOKEN");
        var admin = Client(baseUrl, "BENCH_ADMIN_TOKEN");
        var user = Client(baseUrl, userTokenVariable);

        var agentId = (await Json(agent, "/api/users/me")).GetProperty("id").GetString();
        var userId = (await Json(user, "/api/users/me")).GetProperty("id").GetString();
        var categoryId = (await Json(agent, "/api/categories")).GetProperty("items")[0].GetProperty("id").GetString();
        var lastMonth = (await Json(agent, "/api/tickets?limit=1")).GetProperty("items")[0].GetProperty("createdAt").GetDateTimeOffset().AddDays(-30);
        var deepCursor = await CursorOfPage(agent, "/api/tickets?sort=-updatedAt&limit=20", 50);
        var deepFeedCursor = await CursorOfPage(admin, "/api/events?limit=20", 50);

        foreach (var (name, client, path) in new (string, HttpClient, string)[]
        {
            ("AGENT list (default sort)", agent, "/api/tickets"),
            ("AGENT q: word in 1% of titles", agent, "/api/tickets?q=zephyr"),
            ("AGENT q: word found nowhere", agent, "/api/tickets?q=xylograph"),
            ("AGENT q: two common words", agent, "/api/tickets?q=kaka%20kalo"),
            ("USER q: word in 1% of titles", user, "/api/tickets?q=zephyr"),
            ("AGENT status=OPEN&includeTotal", agent, "/api/tickets?status=OPEN&includeTotal=true"),
            ("AGENT stats", agent, "/api/tickets/stats"),
            ("AGENT page 50 (sort=-updatedAt)", agent, $"/api/tickets?sort=-updatedAt&limit=20&cursor={deepCursor}"),
            ("AGENT priority=URGENT&includeTotal", agent, "/api/tickets?priority=URGENT&includeTotal=true"),
            ("AGENT categoryId&includeTotal", agent, $"/api/tickets?categoryId={categoryId}&includeTotal=true"),
            ("AGENT status+priority+category&includeTotal", agent, $"/api/tickets?status=OPEN&priority=HIGH&categoryId={categoryId}&includeTotal=true"),
            ("AGENT requesterId&includeTotal", agent, $"/api/tickets?requesterId={userId}&includeTotal=true"),
            ("AGENT createdFrom (last 30 days)", agent, $"/api/tickets?createdFrom={Uri.EscapeDataString(lastMonth.ToString("O", CultureInfo.InvariantCulture))}"),
            ("AGENT sort=priority", agent, "/api/tickets?sort=-priority"),
            ("AGENT sort=updatedAt status=OPEN", agent, "/api/tickets?sort=-updatedAt&status=OPEN"),
            ("AGENT assigned queue&includeTotal", agent, "/api/tickets/assigned?includeTotal=true"),
            ("AGENT assigned queue status=OPEN sort=-updatedAt", agent, "/api/tickets/assigned?status=OPEN&sort=-updatedAt&includeTotal=true"),
            ("AGENT unassigned queue&includeTotal", agent, "/api/tickets/unassigned?includeTotal=true"),
            ("AGENT assigneeId&includeTotal", agent, $"/api/tickets?assigneeId={agentId}&includeTotal=true"),
            ("USER own list&includeTotal", user, "/api/tickets?includeTotal=true"),
            ("USER stats", user, "/api/tickets/stats"),
            ("ADMIN audit feed", admin, "/api/events"),
            ("ADMIN audit feed page 50", admin, $"/api/events?limit=20&cursor={deepFeedCursor}"),
            ("ADMIN audit feed type=INTERNAL_NOTE_ADDED", admin, "/api/events?type=INTERNAL_NOTE_ADDED"),
            ("ADMIN audit feed actor", admin, $"/api/events?actor={agentId}"),
        })
        {
            target.Calls.Add((name, path));
            target._clientOf[name] = client;
        }

        return target;
    }

    public Task<string> Get(string call, string path) => Get(_clientOf[call], path);

    private static HttpClient Client(Uri baseUrl, string tokenVariable)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Environment.GetEnvironmentVariable(tokenVariable) ?? throw new InvalidOperationException($"Set {tokenVariable}."));
        return client;
    }

    private static async Task<string> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
    }

    private static async Task<JsonElement> Json(HttpClient client, string path) => JsonDocument.Parse(await Get(client, path)).RootElement;

    // The cursor that fetches page <paramref name="page"/> of a list, following nextCursor from the first page.
    private static async Task<string> CursorOfPage(HttpClient client, string path, int page)
    {
        var cursor = "";
        for (var i = 1; i < page; i++)
        {
            cursor = (await Json(client, cursor.Length == 0 ? path : $"{path}&cursor={cursor}")).GetProperty("nextCursor").GetString()
                ?? throw new InvalidOperationException($"{path} has fewer than {page} pages.");
        }

        return cursor;
    }
}
