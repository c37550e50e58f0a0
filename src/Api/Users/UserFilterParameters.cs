using TicketPlatform.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

/// <summary>The filters of ADMIN's user list beyond the text.</summary>
public sealed class UserFilterParameters
{
    [FromQuery(Name = "role"), QueryValue(typeof(UserRole))] public string? Role { get; init; }

    [FromQuery(Name = "active")] public string? Active { get; init; }

    public UserListQuery Apply(QueryReader reader, UserListQuery query) =>
        query with { Role = reader.Enum<UserRole>("role", Role), Active = ReadActive(reader) };

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
