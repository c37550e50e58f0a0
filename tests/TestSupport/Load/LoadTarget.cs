using System.Net.Http.Headers;

namespace TicketPlatform.TestSupport.Load;

/// <summary>One way into the service that a load writes through: an Api node, or a load balancer.</summary>
public sealed record LoadEntry(string Name, Uri Url)
{
    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>What a write load runs against: its entries, tokens the service accepts, and the database to check.</summary>
public interface ILoadTarget
{
    IReadOnlyList<LoadEntry> Entries { get; }

    /// <summary>Admin connection to the service's PostgreSQL database, for checking what was committed.</summary>
    string ConnectionString { get; }

    Task<string> Token(string subject, string role = "USER");
}
