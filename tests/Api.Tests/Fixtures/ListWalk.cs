using System.Net;
using System.Text.Json.Nodes;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>Reads a whole List the way a client does: page after page, following <c>nextCursor</c> until it is null.</summary>
public static class ListWalk
{
    public sealed record Walk(List<JsonNode> Items, int Pages, long? Total);

    /// <summary>Every item of <paramref name="url"/>, read <paramref name="limit"/> at a time, asking for the total on the first page.</summary>
    public static async Task<Walk> All(HttpClient client, string url, int limit = 100)
    {
        var separator = url.Contains('?') ? '&' : '?';
        var items = new List<JsonNode>();
        long? total = null;
        var pages = 0;
        string? cursor = null;
        do
        {
            var query = $"{url}{separator}limit={limit}&includeTotal={(pages == 0 ? "true" : "false")}"
                        + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await client.GetAsync(query)).Read<JsonObject>();
            var pageItems = page["items"]!.AsArray();
            Assert.True(pageItems.Count <= limit, $"{url}: a page of {pageItems.Count} items for limit {limit}");
            items.AddRange(pageItems.Select(item => item!.DeepClone()));
            total = pages == 0 ? (long?)page["total"] : total;
            if (pages > 0)
            {
                Assert.Null(page["total"]);
            }

            cursor = (string?)page["nextCursor"];
            pages++;
        }
        while (cursor is not null);

        return new Walk(items, pages, total);
    }

    /// <summary>The same items walked in pages of <paramref name="limit"/>: all of them, once each, in the same order, with the total.</summary>
    public static async Task<Walk> AssertPagesAddUp(HttpClient client, string url, int limit, int atLeast)
    {
        var whole = await All(client, url);
        var paged = await All(client, url, limit);

        Assert.True(whole.Items.Count >= atLeast, $"{url}: {whole.Items.Count} items, expected at least {atLeast}");
        Assert.Equal(whole.Items.Count, whole.Total);
        Assert.Equal(whole.Items.Count, paged.Total);
        Assert.Equal(whole.Items.Select(i => i.ToJsonString()), paged.Items.Select(i => i.ToJsonString()));
        Assert.Equal(Math.Max(1, (whole.Items.Count + limit - 1) / limit), paged.Pages);
        return whole;
    }

    /// <summary>A bad limit, cursor or includeTotal is a 400 VALIDATION naming the parameter.</summary>
    public static async Task AssertRejectsBadPaging(HttpClient client, string url)
    {
        var separator = url.Contains('?') ? '&' : '?';
        foreach (var (query, field) in new[]
                 {
                     ("limit=0", "limit"), ("limit=101", "limit"), ("limit=ten", "limit"), ("limit=-1", "limit"),
                     ("cursor=forged", "cursor"), ("cursor=WyJ4Il0", "cursor"), ("includeTotal=maybe", "includeTotal"),
                 })
        {
            var problem = await (await client.GetAsync($"{url}{separator}{query}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
            Assert.True(problem["errors"]?[field] is not null, $"{url}?{query} should name {field}: {problem.ToJsonString()}");
        }
    }
}
