using System.Globalization;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Messages;
using TicketPlatform.Persistence;

namespace TicketPlatform.Tickets;

/// <summary>Builds the keyset-paginated SQL of a ticket list: the filters, the caller's scope and the sort.</summary>
internal sealed class TicketListSql
{
    private readonly List<string> _where = [];

    private TicketListSql(ISqlDialect dialect, Actor viewer, TicketListQuery query)
    {
        Parameters.Add("viewer", viewer.UserId);
        Parameters.Add("archived", query.Archived);
        _where.Add("t.archived = @archived");
        if (!viewer.IsStaff)
        {
            _where.Add("EXISTS (SELECT 1 FROM participants p WHERE p.ticket_number = t.number AND p.user_id = @viewer)");
        }

        Filter("t.status = @status", "status", query.Status is { } status ? EnumText.Of(status) : null);
        Filter("t.priority = @priority", "priority", query.Priority is { } priority ? (short?)priority : null);
        Filter("t.category_id = @categoryId", "categoryId", query.CategoryId);
        Filter("t.assignee_id = @assigneeId", "assigneeId", query.AssigneeId);
        Filter("t.requester_id = @requesterId", "requesterId", query.RequesterId);
        Filter("t.created_at >= @createdFrom", "createdFrom", query.CreatedFrom);
        Filter("t.created_at <= @createdTo", "createdTo", query.CreatedTo);
        if (query.OnlyUnassigned)
        {
            _where.Add("t.assignee_id IS NULL");
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            Parameters.Add("text", LikePattern.Contains(query.Text.Trim()));
            _where.Add($"""
                ({dialect.ContainsIgnoreCase("t.title", "@text")} OR {dialect.ContainsIgnoreCase("t.description", "@text")}
                 OR EXISTS (SELECT 1 FROM messages m WHERE m.ticket_number = t.number {MessageStore.VisibleTo(viewer, "m")} AND {dialect.ContainsIgnoreCase("m.content", "@text")}))
                """);
        }

        SortColumn = query.Sort switch
        {
            TicketSortField.UpdatedAt => "t.updated_at",
            TicketSortField.Priority => "t.priority",
            _ => "t.created_at",
        };
        Direction = query.Descending ? "DESC" : "ASC";
    }

    public DynamicParameters Parameters { get; } = new();

    private string SortColumn { get; }

    private string Direction { get; }

    private string Where => string.Join(" AND ", _where);

    public static TicketListSql For(ISqlDialect dialect, Actor viewer, TicketListQuery query) => new(dialect, viewer, query);

    public string CountSql() => $"SELECT COUNT(*) FROM tickets t WHERE {Where}";

    public string GroupCountSql(string column) => $"SELECT {column}, COUNT(*) FROM tickets t WHERE {Where} GROUP BY {column}";

    /// <summary>The page query; <paramref name="after"/> is the decoded cursor (sort value, number) or null.</summary>
    public string PageSql(TicketSortField sort, string[]? after, int take)
    {
        var keyset = "";
        if (after is not null)
        {
            Parameters.Add("afterNumber", after[1]);
            Parameters.Add("afterValue", sort == TicketSortField.Priority
                ? short.Parse(after[0], CultureInfo.InvariantCulture)
                : DateTimeOffset.Parse(after[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            var comparison = Direction == "DESC" ? "<" : ">";
            keyset = $" AND ({SortColumn} {comparison} @afterValue OR ({SortColumn} = @afterValue AND t.number {comparison} @afterNumber))";
        }

        Parameters.Add("take", take);
        return $"""
            SELECT {TicketStore.TicketColumns.Replace("number,", "t.number,", StringComparison.Ordinal)} FROM tickets t
            WHERE {Where}{keyset}
            ORDER BY {SortColumn} {Direction}, t.number {Direction}
            LIMIT @take
            """;
    }

    public static string CursorFor(TicketSortField sort, TicketView last) => Cursor.Encode(
        sort switch
        {
            TicketSortField.Priority => ((short)last.Priority).ToString(CultureInfo.InvariantCulture),
            TicketSortField.UpdatedAt => last.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            _ => last.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        },
        last.Number);

    private void Filter<T>(string condition, string name, T? value)
    {
        if (value is null)
        {
            return;
        }

        Parameters.Add(name, value);
        _where.Add(condition);
    }
}
