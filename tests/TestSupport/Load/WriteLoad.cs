using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace TicketPlatform.TestSupport.Load;

/// <summary>
/// A steady write load through the target's entries in turn: per ticket, one sequential writer (an ADMIN already on the ticket)
/// alternating priority and status changes, so every committed change is exactly one event. After a failed write
/// the writer reads the ticket before writing again, since the failed write may or may not have committed.
/// </summary>
public sealed class WriteLoad
{
    public const string Priority = "priority";
    public const string Status = "status";
    public const string Read = "read";

    private static readonly string[] Priorities = ["LOW", "MEDIUM", "HIGH", "URGENT"];
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);

    private readonly ILoadTarget _target;
    private readonly HttpClient[] _nodes;
    private readonly ConcurrentQueue<WriteOutcome> _outcomes = new();
    private readonly Stopwatch _clock = new();

    private WriteLoad(ILoadTarget target, HttpClient[] nodes, IReadOnlyDictionary<string, long> seqOffsets)
    {
        _target = target;
        _nodes = nodes;
        SeqOffsets = seqOffsets;
    }

    /// <summary>Per ticket: the seq of the event a load write committed is the version it answered plus this.</summary>
    public IReadOnlyDictionary<string, long> SeqOffsets { get; }

    public IEnumerable<string> Tickets => SeqOffsets.Keys;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The writer's client of each entry.</summary>
    public IReadOnlyList<HttpClient> Nodes => _nodes;

    public IReadOnlyCollection<WriteOutcome> Outcomes => _outcomes;

    public static async Task<WriteLoad> Prepare(ILoadTarget target, string name, int tickets)
    {
        var user = target.Entries[0].Client(await target.Token($"{name}-requester"));
        var admin = await target.Token($"{name}-admin", "ADMIN");
        HttpClient[] nodes = [.. target.Entries.Select(entry => entry.Client(admin))];
        var numbers = new List<string>();
        for (var i = 0; i < tickets; i++)
        {
            var created = await user.PostAsJsonAsync("/api/tickets", new { title = $"{name} {i}", description = "under load" });
            created.EnsureSuccessStatusCode();
            var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            (await nodes[^1].PatchAsJsonAsync($"/api/tickets/{number}/priority", new { priority = "HIGH" })).EnsureSuccessStatusCode();
            numbers.Add(number);
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        var offsets = (await connection.QueryAsync<(string Number, long Offset)>(
                "SELECT number, last_seq - version FROM tickets WHERE number = ANY(@numbers)", new { numbers = numbers.ToArray() }))
            .ToDictionary(row => row.Number, row => row.Offset);
        return new WriteLoad(target, nodes, offsets);
    }

    /// <summary>Runs until <paramref name="stop"/> or <paramref name="limit"/>, whichever comes first.</summary>
    public async Task Run(TimeSpan limit, CancellationToken stop)
    {
        _clock.Start();
        await Task.WhenAll(Tickets.Select(ticket => Task.Run(() => Write(ticket, limit, stop), CancellationToken.None)));
    }

    /// <summary>Waits until no request has failed for <paramref name="quiet"/> since <paramref name="since"/>; false after <paramref name="limit"/>.</summary>
    public Task<bool> WaitUntilQuiet(TimeSpan since, TimeSpan quiet, TimeSpan limit) => Eventually.Within(limit, () =>
    {
        var lastFailure = _outcomes.Where(o => !o.Succeeded && o.At >= since).Select(o => o.At + o.Took).DefaultIfEmpty(since).Max();
        return Task.FromResult(Elapsed - lastFailure >= quiet && Elapsed - since >= quiet);
    });

    /// <summary>Waits until <paramref name="writes"/> requests started after <paramref name="since"/> have succeeded: the load is demonstrably under way.</summary>
    public Task Succeeded(TimeSpan since, int writes) => Eventually.True(
        () => Task.FromResult(_outcomes.Count(o => o.Succeeded && o.At >= since) >= writes),
        $"{writes} successful requests of the load after +{since.TotalSeconds:F1} s");

    private async Task Write(string ticket, TimeSpan limit, CancellationToken stop)
    {
        var (status, priority) = ("OPEN", "HIGH");
        var known = true;
        for (var i = 0; !stop.IsCancellationRequested && _clock.Elapsed < limit; i++)
        {
            var node = i % _nodes.Length;
            WriteOutcome outcome;
            if (!known)
            {
                outcome = await Send(ticket, node, Read, HttpMethod.Get, $"/api/tickets/{ticket}", body: null);
            }
            else if (i / _nodes.Length % 2 == 0)
            {
                var next = Priorities[(Array.IndexOf(Priorities, priority) + 1 + (i % 2)) % Priorities.Length];
                outcome = await Send(ticket, node, Priority, HttpMethod.Patch, $"/api/tickets/{ticket}/priority", new { priority = next });
            }
            else
            {
                outcome = await Send(ticket, node, Status, HttpMethod.Patch, $"/api/tickets/{ticket}/status", new { status = status == "OPEN" ? "IN_PROGRESS" : "OPEN" });
            }

            known = outcome.Succeeded;
            if (known)
            {
                (status, priority) = (outcome.TicketStatus!, outcome.Priority!);
            }

            await Task.Delay(Pace, CancellationToken.None);
        }
    }

    private async Task<WriteOutcome> Send(string ticket, int node, string kind, HttpMethod method, string path, object? body)
    {
        var at = _clock.Elapsed;
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        WriteOutcome outcome;
        try
        {
            using var response = await _nodes[node].SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement : default;
            var ok = response.IsSuccessStatusCode;
            outcome = new WriteOutcome(ticket, _target.Entries[node].Name, kind, at, _clock.Elapsed - at, (int)response.StatusCode, TimedOut: false,
                IsProblem: response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                Code: !ok && json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var code) ? code.GetString() : null,
                HasRetryAfter: response.Headers.RetryAfter is not null,
                Version: ok ? json.GetProperty("version").GetInt32() : null,
                TicketStatus: ok ? json.GetProperty("status").GetString() : null,
                Priority: ok ? json.GetProperty("priority").GetString() : null);
        }
        catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
        {
            outcome = new WriteOutcome(ticket, _target.Entries[node].Name, kind, at, _clock.Elapsed - at, 0, TimedOut: e is TaskCanceledException,
                IsProblem: false, Code: e.GetType().Name, HasRetryAfter: false, Version: null, TicketStatus: null, Priority: null);
        }

        _outcomes.Enqueue(outcome);
        return outcome;
    }
}
