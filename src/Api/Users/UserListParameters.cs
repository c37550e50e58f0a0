using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

/// <summary>The query string of the user lists; each list reads the filters it offers.</summary>
public sealed class UserListParameters
{
    public const int MinSearchLength = 2;
    private const int MaxTextLength = 200;

    [FromQuery] public string? Role { get; init; }

    [FromQuery] public string? Active { get; init; }

    [FromQuery] public string? Q { get; init; }

    [FromQuery] public string? Limit { get; init; }

    [FromQuery] public string? Cursor { get; init; }

    [FromQuery] public string? IncludeTotal { get; init; }

    /// <summary>ADMIN's list: every user, filtered by role, active flag and text.</summary>
    public UserListQuery ReadAll(QueryReader reader) =>
        Page(reader) with { Role = reader.Enum<UserRole>("role", Role), Active = ReadActive(reader), Text = reader.Text("q", Q, MaxTextLength) };

    /// <summary>The staff who can take tickets: active AGENTs and ADMINs.</summary>
    public UserListQuery ReadAgents(QueryReader reader) =>
        Page(reader) with { StaffOnly = true, Active = true, Text = reader.Text("q", Q, MaxTextLength) };

    /// <summary>Anyone's search for people to invite: active users whose name or email contains q.</summary>
    public UserListQuery ReadSearch(QueryReader reader)
    {
        if ((Q?.Trim().Length ?? 0) < MinSearchLength)
        {
            reader.Fail("q", $"Give at least {MinSearchLength} characters.");
        }

        return Page(reader) with { Active = true, Text = reader.Text("q", Q, MaxTextLength) };
    }

    private UserListQuery Page(QueryReader reader) =>
        new(Limit: reader.Limit(Limit), Cursor: Cursor, IncludeTotal: reader.Flag("includeTotal", IncludeTotal));

    private bool? ReadActive(QueryReader reader)
    {
        if (Active is null)
        {
            return null;
        }

        if (bool.TryParse(Active, out var active))
        {
            return active;
        }

        reader.Fail("active", "Must be true or false.");
        return null;
    }
}
