using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Common;

/// <summary>
/// The query string every list takes, bound with <c>[AsParameters]</c> (list parameters with filters derive
/// from it): page size, where to continue, and whether to count the whole list.
/// </summary>
public class PageParameters
{
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }

    [FromQuery(Name = "includeTotal")] public string? IncludeTotal { get; init; }

    public PageRequest ReadPage(QueryReader reader) => new(reader.Limit(Limit), Cursor, reader.Flag("includeTotal", IncludeTotal));
}
