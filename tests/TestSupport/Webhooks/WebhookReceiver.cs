using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TicketPlatform.TestSupport.Webhooks;

/// <summary>One POST as the receiver saw it, with the status it answered.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int Answered)
{
    private JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => (string)Json["type"]!;

    public string? TicketNumber => (string?)Json["data"]?["ticketNumber"];

    public long Seq => (long?)Json["data"]?["seq"] ?? 0;

    public bool Succeeded => Answered is >= 200 and < 300;

    public override string ToString() => $"{Type} {TicketNumber}#{Seq} {Id} -> {Answered}";
}

/// <summary>
/// A real HTTP receiver: Kestrel on 127.0.0.1 at a fixed port, so it can be stopped (connections refused) and started
/// again at the same address. It answers each POST with <see cref="Answer"/> and keeps every request in arrival order;
/// with a raw directory it also writes each request (headers and exact body) there as a JSON file.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly string? _rawDirectory;
    private readonly Lock _answering = new();
    private WebApplication? _app;
    private int _count;

    private WebhookReceiver(int port, string? rawDirectory)
    {
        Port = port;
        _rawDirectory = rawDirectory;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Chooses the status for a request (its Answered still 0), given the requests received before it; 200 unless set.</summary>
    public Func<IReadOnlyList<ReceivedWebhook>, ReceivedWebhook, int> Answer { get; set; } = (_, _) => 200;

    /// <summary>How long the receiver holds each request before answering, so that deliveries are in flight when something fails.</summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Each request is held, once received, until this completes: a sender's request stays in flight as long as a test needs.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(string? rawDirectory = null)
    {
        var receiver = new WebhookReceiver(FreePort.Next(), rawDirectory);
        await receiver.Start();
        return receiver;
    }

    /// <summary>Answers 500 to the first <paramref name="failures"/> requests of each webhook-id, then 200.</summary>
    public void FailFirst(int failures) =>
        Answer = (before, request) => before.Count(r => r.Id == request.Id) < failures ? 500 : 200;

    /// <summary>The requests about <paramref name="ticketNumber"/>, in arrival order.</summary>
    public ReceivedWebhook[] About(string ticketNumber) => [.. _received.Where(r => r.TicketNumber == ticketNumber)];

    public async Task Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hook", Receive);
        await app.StartAsync();
        _app = app;
    }

    public async Task Stop()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(Stop());

    private async Task Receive(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        ReceivedWebhook received;
        lock (_answering)
        {
            var request = new ReceivedWebhook(id, headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body, 0);
            received = request with { Answered = Answer([.. _received], request) };
            _received.Enqueue(received);
        }

        if (_rawDirectory is not null)
        {
            var raw = new JsonObject
            {
                ["headers"] = new JsonObject { ["webhook-id"] = received.Id, ["webhook-timestamp"] = received.Timestamp, ["webhook-signature"] = received.Signature },
                ["body"] = body,
            };
            await File.WriteAllTextAsync(Path.Combine(_rawDirectory, $"{Interlocked.Increment(ref _count):D5}.json"), raw.ToJsonString());
        }

        await Gate.WaitAsync(context.RequestAborted);
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay, context.RequestAborted);
        }

        context.Response.StatusCode = received.Answered;
    }
}
