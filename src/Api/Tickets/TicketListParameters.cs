using TicketPlatform.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Sla;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tickets;

/// <summary>The query string of the ticket lists.</summary>
public sealed class TicketListParameters : PageParameters
{
    private static readonly Dictionary<string, TicketSortField> SortFields = new(StringComparer.Ordinal)
    {
        ["createdAt"] = TicketSortField.CreatedAt,
        ["updatedAt"] = TicketSortField.UpdatedAt,
        ["priority"] = TicketSortField.Priority,
        ["slaDueAt"] = TicketSortField.SlaDueAt,
    };

    [FromQuery(Name = "status"), QueryValue(typeof(TicketStatus))] public string? Status { get; init; }

    [FromQuery(Name = "priority"), QueryValue(typeof(TicketPriority))] public string? Priority { get; init; }

    [FromQuery(Name = "categoryId"), QueryValue(typeof(Guid))] public string? CategoryId { get; init; }

    [FromQuery(Name = "assigneeId"), QueryValue(typeof(Guid))] public string? AssigneeId { get; init; }

    [FromQuery(Name = "requesterId"), QueryValue(typeof(Guid))] public string? RequesterId { get; init; }

    [FromQuery(Name = "q")] public string? Q { get; init; }

    [FromQuery(Name = "createdFrom"), QueryValue(typeof(DateTimeOffset))] public string? CreatedFrom { get; init; }

    [FromQuery(Name = "createdTo"), QueryValue(typeof(DateTimeOffset))] public string? CreatedTo { get; init; }

    [FromQuery(Name = "sort"), QueryValue(typeof(string), Values = ["createdAt", "-createdAt", "updatedAt", "-updatedAt", "priority", "-priority", "slaDueAt", "-slaDueAt"])] public string? Sort { get; init; }

    [FromQuery(Name = "archived")] public string? Archived { get; init; }

    /// <summary>Staff only.</summary>
    [FromQuery(Name = "slaState"), QueryValue(typeof(SlaListState))] public string? SlaState { get; init; }

    public TicketListQuery Read(QueryReader reader)
    {
        var (sort, descending) = reader.Sort(Sort, TicketSortField.CreatedAt, defaultDescending: true, SortFields);
        var page = ReadPage(reader);
        return new TicketListQuery(
            reader.Enum<TicketStatus>("status", Status),
            reader.Enum<TicketPriority>("priority", Priority),
            reader.Id("categoryId", CategoryId),
            reader.Id("assigneeId", AssigneeId),
            reader.Id("requesterId", RequesterId),
            reader.Text("q", Q, 200),
            reader.Time("createdFrom", CreatedFrom),
            reader.Time("createdTo", CreatedTo),
            sort,
            descending,
            page.Limit,
            page.Cursor,
            page.IncludeTotal,
            reader.Flag("archived", Archived),
            SlaState: reader.Enum<SlaListState>("slaState", SlaState));
    }
}
