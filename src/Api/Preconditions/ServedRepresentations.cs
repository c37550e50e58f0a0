using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;

namespace TicketPlatform.Api.Preconditions;

/// <summary>
/// The representations this node served recently, by entity tag, so a 412 can say which fields differ from the
/// version the client named. A tag served by another node, or long ago, is simply not known here.
/// </summary>
internal sealed class ServedRepresentations : IDisposable
{
    private const long BudgetBytes = 32 * 1024 * 1024;

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions { SizeLimit = BudgetBytes });

    public void Remember(string tag, byte[] body) =>
        _bodies.Set(tag, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });

    /// <summary>The top-level fields in which <paramref name="current"/> differs from what was served as <paramref name="tag"/>; null when that is not known.</summary>
    public string[]? ChangedSince(string tag, byte[] current)
    {
        if (!_bodies.TryGetValue(tag, out byte[]? before) || JsonNode.Parse(before!) is not JsonObject old || JsonNode.Parse(current) is not JsonObject now)
        {
            return null;
        }

        return [.. now.Select(p => p.Key).Union(old.Select(p => p.Key)).Where(name => !JsonNode.DeepEquals(old[name], now[name]))];
    }

    public void Dispose() => _bodies.Dispose();
}
