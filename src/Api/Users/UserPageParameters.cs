using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

/// <summary>The query string every user list takes: text, page size, cursor and whether to count.</summary>
public sealed class UserPageParameters : PageParameters
{
    private const int MaxTextLength = 200;

    [FromQuery(Name = "q")] public string? Q { get; init; }

    public UserListQuery Read(QueryReader reader)
    {
        var page = ReadPage(reader);
        return new(Text: reader.Text("q", Q, MaxTextLength), Limit: page.Limit, Cursor: page.Cursor, IncludeTotal: page.IncludeTotal);
    }

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
