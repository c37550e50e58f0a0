using System.Text.Json;
using Dapper;
using Npgsql;

namespace TicketPlatform.TestSupport.Load;

/// <summary>What the database holds for the load's tickets, checked against what clients were told.</summary>
public sealed class StoredTimeline
{
    private readonly Dictionary<string, List<(long Seq, string Type, string Payload)>> _events;
    private readonly Dictionary<string, long> _lastSeq;

    private StoredTimeline(Dictionary<string, List<(long, string, string)>> events, Dictionary<string, long> lastSeq)
    {
        _events = events;
        _lastSeq = lastSeq;
    }

    public static async Task<StoredTimeline> Read(string connectionString, IEnumerable<string> tickets)
    {
        var numbers = tickets.ToArray();
        // Unpooled: a pooled connection may predate a database restart.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        var events = (await connection.QueryAsync<(string Number, long Seq, string Type, string Payload)>(
                "SELECT ticket_number, seq, type, payload FROM events WHERE ticket_number = ANY(@numbers) ORDER BY ticket_number, seq",
                new { numbers }))
            .GroupBy(e => e.Number)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Seq, e.Type, e.Payload)).ToList());
        var lastSeq = (await connection.QueryAsync<(string Number, long LastSeq)>(
                "SELECT number, last_seq FROM tickets WHERE number = ANY(@numbers)", new { numbers }))
            .ToDictionary(t => t.Number, t => t.LastSeq);
        return new StoredTimeline(events, lastSeq);
    }

    /// <summary>Tickets whose events are not exactly seq 1..last_seq, each once.</summary>
    public IEnumerable<string> TicketsWithGapsOrDuplicates() => _lastSeq
        .Where(t => !_events.GetValueOrDefault(t.Key, []).Select(e => e.Seq).SequenceEqual(Enumerable.Range(1, (int)t.Value).Select(s => (long)s)))
        .Select(t => t.Key);

    /// <summary>
    /// True when the event that an acknowledged write committed is stored at the seq its version implies, and the
    /// ticket replayed up to there has exactly the status and priority the client was answered.
    /// </summary>
    public bool Holds(WriteOutcome acknowledged, long seqOffset)
    {
        var seq = acknowledged.Version!.Value + seqOffset;
        var events = _events.GetValueOrDefault(acknowledged.Ticket, []);
        var committed = events.FirstOrDefault(e => e.Seq == seq);
        var expectedType = acknowledged.Kind == WriteLoad.Priority ? "PRIORITY_CHANGED" : "STATUS_CHANGED";
        if (committed.Type != expectedType)
        {
            return false;
        }

        string? status = null, priority = null;
        foreach (var (_, type, payload) in events.TakeWhile(e => e.Seq <= seq))
        {
            var json = JsonDocument.Parse(payload).RootElement;
            switch (type)
            {
                case "TICKET_CREATED":
                    (status, priority) = (json.GetProperty("status").GetString(), json.GetProperty("priority").GetString());
                    break;
                case "STATUS_CHANGED":
                    status = json.GetProperty("to").GetString();
                    break;
                case "PRIORITY_CHANGED":
                    priority = json.GetProperty("to").GetString();
                    break;
            }
        }

        return status == acknowledged.TicketStatus && priority == acknowledged.Priority;
    }
}
