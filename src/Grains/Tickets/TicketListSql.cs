using System.Globalization;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Messages;
using TicketPlatform.Persistence;
using TicketPlatform.Sla;
using TicketPlatform.Sla.Tickets;

namespace TicketPlatform.Tickets;

/// <summary>
/// Builds the SQL of a ticket list: the filters, the caller's scope, the full-text match and the keyset-paginated
/// sort, plus the cheapest exact (or, for free text, capped) count of the same filters.
/// </summary>
internal sealed class TicketListSql
{
    private readonly List<string> _where = [];
    private readonly string? _textQuery;
    private readonly ISqlDialect _dialect;
    private readonly Actor _viewer;

    /// <summary>Below this many documents a word counts as rare: its matches are read from the full-text index and sorted.</summary>
    private const int RareWordHits = 500;

    // True while every condition is one the counters are keyed by (and the scope is everyone's tickets).
    private bool _counted;

    // Per text arm (title/description, messages): whether its word is rare; decided by ClassifyTextAsync.
    private readonly bool[] _rare = [false, false];

    private TicketListSql(ISqlDialect dialect, Actor viewer, TicketListQuery query, string? textQuery)
    {
        _dialect = dialect;
        _viewer = viewer;
        _textQuery = textQuery;
        _counted = viewer.IsStaff;
        Parameters.Add("viewer", viewer.UserId);
        Parameters.Add("archived", query.Archived);
        _where.Add("archived = @archived");
        if (!viewer.IsStaff)
        {
            _where.Add("EXISTS (SELECT 1 FROM participants p WHERE p.ticket_number = t.number AND p.user_id = @viewer)");
        }

        Filter("status = @status", "status", query.Status is { } status ? EnumText.Of(status) : null);
        Filter("priority = @priority", "priority", query.Priority is { } priority ? (short?)priority : null);
        Filter("category_id = @categoryId", "categoryId", query.CategoryId);
        Filter("assignee_id = @assigneeId", "assigneeId", query.AssigneeId);
        Filter("requester_id = @requesterId", "requesterId", query.RequesterId, counted: false);
        Filter("created_at >= @createdFrom", "createdFrom", query.CreatedFrom, counted: false);
        Filter("created_at <= @createdTo", "createdTo", query.CreatedTo, counted: false);
        Filter("sla_state = @slaState", "slaState", query.SlaState is { } slaState ? EnumText.Of(slaState) : null, counted: false);
        if (query.OnlyUnassigned)
        {
            _where.Add("assignee_id IS NULL");
        }

        if (textQuery is not null)
        {
            Parameters.Add("text", textQuery);
            _counted = false;
        }

        SortColumn = query.Sort switch
        {
            TicketSortField.UpdatedAt => viewer.IsStaff ? "updated_at" : "public_updated_at",
            TicketSortField.Priority => "priority",
            TicketSortField.SlaDueAt => "sla_due_at",
            _ => "created_at",
        };
        Direction = query.Descending ? "DESC" : "ASC";
    }

    public DynamicParameters Parameters { get; } = new();

    private string SortColumn { get; }

    private string Direction { get; }

    private string Where => string.Join(" AND ", _where);

    private string Order => $"ORDER BY {SortColumn} {Direction}, number {Direction}";

    /// <summary>The SQL of a list; <paramref name="textQuery"/> is the dialect's full-text query made from <c>q</c>, if any.</summary>
    public static TicketListSql For(ISqlDialect dialect, Actor viewer, TicketListQuery query, string? textQuery = null) =>
        new(dialect, viewer, query, textQuery);

    /// <summary>
    /// Decides per text arm whether its word is rare: a word the database's statistics know to match at least
    /// <see cref="RareWordHits"/> documents is common; any other is counted, up to that many. A rare word's matches are
    /// read from the full-text index and sorted; a common one walks the list's index and probes each ticket. The
    /// planner cannot make this choice itself: its estimate for a word missing from the statistics is a fixed
    /// fraction of the rows, so it walked the whole list for a word found nowhere.
    /// </summary>
    public async Task ClassifyTextAsync(System.Data.Common.DbConnection connection)
    {
        if (_textQuery is null)
        {
            return;
        }

        Parameters.Add("rare", RareWordHits);
        var arms = new[] { (Index: TextIndex.Tickets, Hits: TicketHits), (Index: TextIndex.Messages, Hits: MessageHits) };
        var counts = new List<string>();
        for (var arm = 0; arm < arms.Length; arm++)
        {
            // Counting reads up to RareWordHits rows of the table; a word known to be common needs none.
            if (!(await _dialect.EstimatedTextMatchesAsync(connection, arms[arm].Index, _textQuery) >= RareWordHits))
            {
                counts.Add($"SELECT {arm} AS arm, (SELECT COUNT(*) FROM ({arms[arm].Hits} LIMIT @rare) AS a) AS hits");
            }
        }

        if (counts.Count > 0)
        {
            foreach (var (arm, hits) in await connection.QueryAsync<(int Arm, long Hits)>(string.Join(" UNION ALL ", counts), Parameters))
            {
                _rare[arm] = hits < RareWordHits;
            }
        }
    }

    /// <summary>
    /// The total of the filters and whether it is exact: from the counters when they are keyed by every filter,
    /// an index count when the scope or a filter is narrower than they know, at most <see cref="TicketListQuery.TextTotalCap"/>
    /// (then not exact) for free text.
    /// </summary>
    public async Task<(long Total, bool Exact)> CountAsync(System.Data.Common.DbConnection connection)
    {
        if (_counted)
        {
            return (await connection.ExecuteScalarAsync<long>($"SELECT CAST(COALESCE(SUM(tickets), 0) AS bigint) FROM ticket_counts WHERE {Where}", Parameters), true);
        }

        if (_textQuery is null)
        {
            return (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM tickets t WHERE {Where}", Parameters), true);
        }

        Parameters.Add("cap", TicketListQuery.TextTotalCap);
        var arms = TextArms().Select((arm, i) => $"SELECT number FROM (SELECT t.number FROM tickets t WHERE {Where} AND {arm} LIMIT @cap) AS arm{i}");
        var total = await connection.ExecuteScalarAsync<long>($"{With} SELECT COUNT(*) FROM ({string.Join(" UNION ", arms)}) AS matches", Parameters);
        return (total, total < TicketListQuery.TextTotalCap);
    }

    /// <summary>Counts by <paramref name="column"/> (status or priority) within the scope, from the counters for staff.</summary>
    public string GroupCountSql(string column) => _counted
        ? $"SELECT {column}, CAST(SUM(tickets) AS bigint) FROM ticket_counts WHERE {Where} GROUP BY {column}"
        : $"SELECT {column}, COUNT(*) FROM tickets t WHERE {Where} GROUP BY {column}";

    /// <summary>Staff: how many tickets within the scope have a breached SLA clock.</summary>
    public string SlaBreachedCountSql => $"SELECT COUNT(*) FROM tickets t WHERE {Where} AND sla_state = '{EnumText.Of(SlaListState.Breached)}'";

    /// <summary>
    /// The page query; <paramref name="after"/> is the decoded cursor (sort value, number) or null. The cursor is a
    /// row-value comparison, so it bounds the index range instead of filtering the rows before it. Free text is two
    /// arms (title/description, messages), each ordered and limited on its own so each can use the index that suits
    /// its word (walk the sort order for a common word, the full-text index for a rare one), merged by a UNION.
    /// </summary>
    public string PageSql(TicketSortField sort, string[]? after, int take)
    {
        var keyset = "";
        if (after is not null)
        {
            Parameters.Add("afterNumber", after[1]);
            Parameters.Add("afterValue", sort == TicketSortField.Priority
                ? short.Parse(after[0], CultureInfo.InvariantCulture)
                : DateTimeOffset.Parse(after[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            keyset = $" AND ({SortColumn}, t.number) {(Direction == "DESC" ? "<" : ">")} (@afterValue, @afterNumber)";
        }

        Parameters.Add("take", take);
        var columns = TicketStore.TicketColumns.Replace("number,", "t.number,", StringComparison.Ordinal);
        if (_textQuery is null)
        {
            return $"SELECT {columns} FROM tickets t WHERE {Where}{keyset} {Order} LIMIT @take";
        }

        var arms = TextArms().Select((arm, i) => $"SELECT * FROM (SELECT {columns} FROM tickets t WHERE {Where}{keyset} AND {arm} {Order} LIMIT @take) AS arm{i}");
        return $"{With} {string.Join(" UNION ", arms)} {Order} LIMIT @take";
    }

    public static string CursorFor(TicketSortField sort, TicketView last) => Cursor.Encode(
        sort switch
        {
            TicketSortField.Priority => ((short)last.Priority).ToString(CultureInfo.InvariantCulture),
            TicketSortField.UpdatedAt => last.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            TicketSortField.SlaDueAt => (last.Sla?.NextDueAt ?? SlaColumns.NoDue).ToString("O", CultureInfo.InvariantCulture),
            _ => last.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        },
        last.Number);

    private string TicketHits => _dialect.TicketsMatchingText("@text");

    private string MessageHits =>
        $"SELECT m.ticket_number AS number FROM messages m WHERE {_dialect.MessageMatchesText("m", "@text")} {MessageStore.VisibleTo(_viewer, "m")}";

    // A rare word's matches, computed once before the arms use them (materialized, so they are not re-planned as a walk).
    private string With
    {
        get
        {
            var hits = new[] { ("ticket_hits", TicketHits), ("message_hits", MessageHits) }.Where((_, i) => _rare[i]).ToArray();
            return hits.Length == 0 ? "" : "WITH " + string.Join(", ", hits.Select(h => $"{h.Item1} AS MATERIALIZED ({h.Item2})"));
        }
    }

    // A ticket matches when its title/description does, or one of its messages the viewer may read does.
    private string[] TextArms() =>
    [
        $"t.number IN ({(_rare[0] ? "SELECT number FROM ticket_hits" : TicketHits)})",
        $"t.number IN ({(_rare[1] ? "SELECT number FROM message_hits" : MessageHits)})",
    ];

    private void Filter<T>(string condition, string name, T? value, bool counted = true)
    {
        if (value is null)
        {
            return;
        }

        Parameters.Add(name, value);
        _where.Add(condition);
        _counted &= counted;
    }
}
