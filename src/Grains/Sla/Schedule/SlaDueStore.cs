using System.Data.Common;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;
using TicketPlatform.Sla.Clocks;

namespace TicketPlatform.Sla.Schedule;

/// <summary>
/// The SLA due index (<c>sla_due_times</c>): a ticket's rows are replaced in the ticket's own commit, with what
/// <see cref="SlaClocks.Schedule"/> says is still to come; the scan asks only for rows due by now, through the
/// <c>due_at</c> index.
/// </summary>
internal sealed class SlaDueStore(Database database)
{
    /// <summary>Replaces the ticket's due rows inside the caller's transaction (the ticket's commit).</summary>
    public static Task Replace(DbConnection connection, DbTransaction transaction, string ticketNumber, IReadOnlyList<SlaDueMoment> moments) =>
        SqlBatch.ExecuteAsync(connection, transaction, [.. Replacing(ticketNumber, moments)]);

    /// <summary>The statements that replace the ticket's due rows, staged in the ticket's commit.</summary>
    public static IEnumerable<SqlStatement> Replacing(string ticketNumber, IReadOnlyList<SlaDueMoment> moments)
    {
        yield return new SqlStatement("DELETE FROM sla_due_times WHERE ticket_number = @TicketNumber", new { TicketNumber = ticketNumber });
        foreach (var m in moments)
        {
            yield return new SqlStatement(
                "INSERT INTO sla_due_times (ticket_number, kind, due, due_at) VALUES (@TicketNumber, @Kind, @Due, @At)",
                new { TicketNumber = ticketNumber, Kind = EnumText.Of(m.Kind), Due = EnumText.Of(m.Due), m.At });
        }
    }

    /// <summary>Tickets with a warning or breach due by <paramref name="now"/>, the longest overdue first, at most <paramref name="take"/>.</summary>
    public Task<string[]> TicketsDue(DateTimeOffset now, int take) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<string>(
            """
            SELECT ticket_number FROM sla_due_times
            WHERE due_at <= @now
            GROUP BY ticket_number
            ORDER BY MIN(due_at), ticket_number
            LIMIT @take
            """,
            new { now, take })).ToArray());

    /// <summary>The ticket's rows, soonest first.</summary>
    public Task<SlaDueMoment[]> Of(string ticketNumber) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<DueRow>(
            "SELECT kind, due, due_at FROM sla_due_times WHERE ticket_number = @ticketNumber ORDER BY due_at, kind, due",
            new { ticketNumber }))
        .Select(row => new SlaDueMoment(EnumText.Parse<SlaKind>(row.Kind), EnumText.Parse<SlaDue>(row.Due), row.DueAt))
        .ToArray());

    private sealed class DueRow
    {
        public string Kind { get; init; } = "";

        public string Due { get; init; } = "";

        public DateTimeOffset DueAt { get; init; }
    }
}
