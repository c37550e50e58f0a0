using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

/// <summary>The query string every user list takes: text, page size, cursor and whether to count.</summary>
public sealed class UserPageParameters
{
    private const int MaxTextLength = 200;

    [FromQuery(Name = "q")] public string? Q { get; init; }

    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }

    [FromQuery(Name = "includeTotal")] public string? IncludeTotal { get; init; }

    public UserListQuery Read(QueryReader reader) => new(
        Text: reader.Text("q", Q, MaxTextLength),
        Limit: reader.Limit(Limit),
        Cursor: Cursor,
        IncludeTotal: reader.Flag("includeTotal", IncludeTotal));

    /// <summary>As <see cref="Read"/>, with q required: at least <see cref="UserListQuery.MinSearchLength"/> characters.</summary>
    public UserListQuery ReadSearch(QueryReader reader)
    {
        if ((Q?.Trim().Length ?? 0) < UserListQuery.MinSearchLength)
        {
            reader.Fail("q", $"Give at least {UserListQuery.MinSearchLength} characters.");
        }

        return Read(reader);
    }
}
