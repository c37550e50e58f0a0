using TicketPlatform.Sla;

namespace TicketPlatform.Tickets;

/// <summary>Which end of the list to sort by; descending when <see cref="TicketListQuery.Descending"/>.</summary>
public enum TicketSortField
{
    CreatedAt,
    UpdatedAt,
    Priority,

    /// <summary>Staff: the next SLA breach moment; tickets without one come last (first when descending).</summary>
    SlaDueAt,
}

[GenerateSerializer, Immutable, Alias("tp.TicketListQuery")]
public sealed record TicketListQuery(
    [property: Id(0)] TicketStatus? Status = null,
    [property: Id(1)] TicketPriority? Priority = null,
    [property: Id(2)] Guid? CategoryId = null,
    [property: Id(3)] Guid? AssigneeId = null,
    [property: Id(4)] Guid? RequesterId = null,
    [property: Id(5)] string? Text = null,
    [property: Id(6)] DateTimeOffset? CreatedFrom = null,
    [property: Id(7)] DateTimeOffset? CreatedTo = null,
    [property: Id(8)] TicketSortField Sort = TicketSortField.CreatedAt,
    [property: Id(9)] bool Descending = true,
    [property: Id(10)] int Limit = 20,
    [property: Id(11)] string? Cursor = null,
    [property: Id(12)] bool IncludeTotal = false,
    [property: Id(13)] bool Archived = false,
    [property: Id(14)] bool OnlyUnassigned = false,
    [property: Id(15)] SlaListState? SlaState = null)
{
    /// <summary>How many matches the total of a free-text list counts at most; beyond it the total is a lower bound (<c>totalExact: false</c>).</summary>
    public const int TextTotalCap = 1000;
}
