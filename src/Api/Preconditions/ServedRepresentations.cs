using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Preconditions;

/// <summary>
/// The representations this node served recently, by entity tag, so a 412 can say which fields differ from the
/// version the client named. A tag served by another node, or long ago, is simply not known here. A ticket is kept
/// under its number and tag (its tag alone names a version, not a ticket) as the UTF-8 JSON it is served as, made
/// once per version and view: a ticket's tag names its representation, so reads of the same version write the kept
/// bytes instead of serialising the view again.
/// </summary>
internal sealed class ServedRepresentations(IOptions<JsonOptions> json) : IDisposable
{
    private const long BudgetBytes = 32 * 1024 * 1024;

    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions { SizeLimit = BudgetBytes });

    public static string TicketKey(string number, string tag) => number + " " + tag;

    public void Remember(string tag, byte[] body) => Keep(tag, body);

    /// <summary>The body of <paramref name="view"/> as served under <paramref name="tag"/>: kept, or serialised now and kept.</summary>
    public byte[] TicketBody(string tag, TicketView view)
    {
        var key = TicketKey(view.Number, tag);
        if (_bodies.TryGetValue(key, out var kept) && kept is byte[] body)
        {
            return body;
        }

        body = JsonSerializer.SerializeToUtf8Bytes(view, json.Value.SerializerOptions.GetTypeInfo(typeof(TicketView)));
        Keep(key, body);
        return body;
    }

    /// <summary>The top-level fields in which <paramref name="current"/> differs from what was served under <paramref name="key"/>; null when that is not known.</summary>
    public string[]? ChangedSince(string key, byte[] current)
    {
        if (!_bodies.TryGetValue(key, out var served) || served is not byte[] before
            || JsonNode.Parse(before) is not JsonObject old || JsonNode.Parse(current) is not JsonObject now)
        {
            return null;
        }

        return [.. now.Select(p => p.Key).Union(old.Select(p => p.Key)).Where(name => !JsonNode.DeepEquals(old[name], now[name]))];
    }

    public void Dispose() => _bodies.Dispose();

    private void Keep(string key, byte[] body) =>
        _bodies.Set(key, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = KeptFor });
}
