using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StandardWebhooks;

namespace TicketPlatform.Webhooks;

/// <summary>
/// Sends one signed message to one endpoint through the webhook HTTP client (timeout and circuit breaker per endpoint,
/// no redirects, SSRF-checked connections) and reads at most 4 KB of the answer.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options)
{
    public const string ClientName = "TicketPlatform.Webhooks";
    public const int MaxResponseBytes = 4096;
    private const int MaxErrorLength = 500;

    /// <summary>The key that picks the endpoint's own resilience pipeline, so one endpoint's open circuit stops only it.</summary>
    public static readonly HttpRequestOptionsKey<string> EndpointKey = new("TicketPlatform.WebhookEndpoint");

    /// <summary>Signs with every secret given (the current one, and the previous one during a rotation's overlap).</summary>
    public async Task<SendOutcome> Send(Guid webhookId, string url, IReadOnlyList<string> secrets, WebhookMessage message, DateTimeOffset now)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Options.Set(EndpointKey, webhookId.ToString());
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(message.Id, now, message.Body))));

        using var deadline = new CancellationTokenSource(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var answer = await ReadStart(response, deadline.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new SendOutcome(SendResult.Succeeded, status, null, Stopwatch.GetElapsedTime(started))
                : new SendOutcome(SendResult.Failed, status, Truncate($"HTTP {status}{(answer.Length > 0 ? ": " + answer : "")}"), Stopwatch.GetElapsedTime(started));
        }
        catch (BrokenCircuitException)
        {
            return new SendOutcome(SendResult.CircuitOpen, null, "The endpoint's circuit is open after repeated failures; not sent.", Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is TimeoutRejectedException || (e is OperationCanceledException && deadline.IsCancellationRequested))
        {
            return new SendOutcome(SendResult.Failed, null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome(SendResult.Failed, null, Truncate(Describe(e)), Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<string> ReadStart(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes];
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is WebhookTargetRefusedException refused ? refused.Message : e.Message;

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}

internal enum SendResult
{
    Succeeded,
    Failed,
    CircuitOpen,
}

internal sealed record SendOutcome(SendResult Result, int? StatusCode, string? Error, TimeSpan Duration);
