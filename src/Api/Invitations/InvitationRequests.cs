using System.ComponentModel.DataAnnotations;
using TicketPlatform.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Invitations;

namespace TicketPlatform.Api.Invitations;

/// <summary>The body of an invitation; the flags default as for a participant added directly.</summary>
public sealed record InviteRequest([property: Required] Guid? InviteeId, bool? CanEdit, bool? CanComment, string? Message);

/// <summary>The query string of the invitation lists.</summary>
public sealed class InvitationListParameters : PageParameters
{
    [FromQuery, QueryValue(typeof(InvitationStatus))] public string? Status { get; init; }

    public InvitationListQuery Read(QueryReader reader, InvitationStatus? defaultStatus)
    {
        var page = ReadPage(reader);
        return new(reader.Enum<InvitationStatus>("status", Status) ?? defaultStatus, page.Limit, page.Cursor, page.IncludeTotal);
    }
}
