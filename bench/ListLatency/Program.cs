using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

// p50/p99 of the list, search, stats and audit-feed calls through a running Api, one client, sequential requests.
// Usage: ListLatency <base-url> <samples> <output.tsv>   (tokens in BENCH_AGENT_TOKEN, BENCH_ADMIN_TOKEN, BENCH_USER_TOKEN)
//        ListLatency compare <small.tsv> <large.tsv>      (prints both sizes and the ratio of p99s)
if (args is ["compare", var smallFile, var largeFile])
{
    Compare(Read(smallFile), Read(largeFile));
    return;
}

var baseUrl = new Uri(args[0]);
var samples = int.Parse(args[1], CultureInfo.InvariantCulture);
var output = args[2];
var agent = Client(baseUrl, "BENCH_AGENT_TOKEN");
var admin = Client(baseUrl, "BENCH_ADMIN_TOKEN");
var user = Client(baseUrl, "BENCH_USER_TOKEN");

var agentId = (await Json(agent, "/api/users/me")).GetProperty("id").GetString();
var userId = (await Json(user, "/api/users/me")).GetProperty("id").GetString();
var categoryId = (await Json(agent, "/api/categories")).GetProperty("items")[0].GetProperty("id").GetString();
var lastMonth = (await Json(agent, "/api/tickets?limit=1")).GetProperty("items")[0].GetProperty("createdAt").GetDateTimeOffset().AddDays(-30);
var deepCursor = await CursorOfPage(agent, "/api/tickets?sort=-updatedAt&limit=20", 50);
var deepFeedCursor = await CursorOfPage(admin, "/api/events?limit=20", 50);

var calls = new (string Name, HttpClient Client, string Path)[]
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
};

var lines = new List<string>();
foreach (var (name, client, path) in calls)
{
    for (var i = 0; i < 10; i++)
    {
        await Get(client, path);
    }

    var timings = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        var watch = Stopwatch.StartNew();
        await Get(client, path);
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }

    timings.Sort();
    var (p50, p99) = (Percentile(timings, 0.50), Percentile(timings, 0.99));
    Console.WriteLine($"{name,-52} p50 {p50,8:F2} ms   p99 {p99,8:F2} ms");
    lines.Add(string.Join('\t', name, p50.ToString("F2", CultureInfo.InvariantCulture), p99.ToString("F2", CultureInfo.InvariantCulture)));
}

await File.WriteAllLinesAsync(output, lines);

static HttpClient Client(Uri baseUrl, string tokenVariable)
{
    var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        Environment.GetEnvironmentVariable(tokenVariable) ?? throw new InvalidOperationException($"Set {tokenVariable}."));
    return client;
}

static async Task<string> Get(HttpClient client, string path)
{
    using var response = await client.GetAsync(path);
    var body = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
}

static async Task<JsonElement> Json(HttpClient client, string path) => JsonDocument.Parse(await Get(client, path)).RootElement;

// The cursor that fetches page <paramref name="page"/> of a list, following nextCursor from the first page.
static async Task<string> CursorOfPage(HttpClient client, string path, int page)
{
    var cursor = "";
    for (var i = 1; i < page; i++)
    {
        cursor = (await Json(client, cursor.Length == 0 ? path : $"{path}&cursor={cursor}")).GetProperty("nextCursor").GetString()
            ?? throw new InvalidOperationException($"{path} has fewer than {page} pages.");
    }

    return cursor;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static Dictionary<string, (double P50, double P99)> Read(string file) => File.ReadAllLines(file)
    .Select(line => line.Split('\t'))
    .ToDictionary(f => f[0], f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));

static void Compare(Dictionary<string, (double P50, double P99)> small, Dictionary<string, (double P50, double P99)> large)
{
    Console.WriteLine("| call | p50 small | p99 small | p50 large | p99 large | p99 large / small |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (name, s) in small)
    {
        var l = large[name];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.P50:F1} | {s.P99:F1} | {l.P50:F1} | {l.P99:F1} | {l.P99 / s.P99:F2} |"));
    }
}
