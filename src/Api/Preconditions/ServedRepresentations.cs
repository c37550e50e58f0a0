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
/// as the view object (serialised only if a 412 asks for it), under its number and tag: its tag alone names a version,
/// not a ticket.
/// </summary>
internal sealed class ServedRepresentations(IOptions<JsonOptions> json) : IDisposable
{
    private const long BudgetBytes = 32 * 1024 * 1024;
    private const int TicketViewSize = 1024;

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions { SizeLimit = BudgetBytes });

    public static string TicketKey(string number, string tag) => number + " " + tag;

    public void Remember(string tag, byte[] body) =>
        _bodies.Set(tag, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });

    /// <summary>Cheap when the same version is read again: the entry is only looked up.</summary>
    public void RememberTicket(string tag, TicketView view)
    {
        var key = TicketKey(view.Number, tag);
        if (!_bodies.TryGetValue(key, out _))
        {
            _bodies.Set(key, view, new MemoryCacheEntryOptions { Size = TicketViewSize, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }
    }

    /// <summary>The top-level fields in which <paramref name="current"/> differs from what was served under <paramref name="key"/>; null when that is not known.</summary>
    public string[]? ChangedSince(string key, byte[] current)
    {
        if (!_bodies.TryGetValue(key, out var served) || served is null)
        {
            return null;
        }

        var before = served as byte[] ?? JsonSerializer.SerializeToUtf8Bytes(served, served.GetType(), json.Value.SerializerOptions);
        if (JsonNode.Parse(before) is not JsonObject old || JsonNode.Parse(current) is not JsonObject now)
        {
            return null;
        }

        return [.. now.Select(p => p.Key).Union(old.Select(p => p.Key)).Where(name => !JsonNode.DeepEquals(old[name], now[name]))];
    }

    public void Dispose() => _bodies.Dispose();
}
