using System.Collections.Concurrent;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>One request and the response the running service gave, as a client saw them.</summary>
public sealed record Exchange(string Method, string Path, int Status, string? MediaType, string Body, HttpResponseMessage Response);

/// <summary>Records every exchange of the clients it is put in front of.</summary>
public sealed class RecordedExchanges : DelegatingHandler
{
    private readonly ConcurrentQueue<Exchange> _exchanges;

    public RecordedExchanges(ConcurrentQueue<Exchange> exchanges) => _exchanges = exchanges;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        _exchanges.Enqueue(new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType, body, response));
        return response;
    }
}
