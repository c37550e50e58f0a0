using System.Net.Http.Json;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Idempotency;

/// <summary>POSTs carrying an <c>Idempotency-Key</c>, sent the way a retrying client sends them: the same bytes again.</summary>
internal static class IdempotentPosts
{
    public static Task<HttpResponseMessage> PostWithKey(this HttpClient client, string url, object body, string key) =>
        client.PostWithKey(url, JsonContent.Create(body, options: HttpJson.Options), key);

    public static Task<HttpResponseMessage> PostWithKey(this HttpClient client, string url, HttpContent content, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    public static bool IsReplay(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.SingleOrDefault() == "true";

    public static string NewKey() => $"key-{Guid.NewGuid():N}";
}
