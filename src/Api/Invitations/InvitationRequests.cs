using System.ComponentModel.DataAnnotations;
using TicketPlatform.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Invitations;

namespace TicketPlatform.Api.Invitations;

/// <summary>The body of an invitation; the flags default as for a participant added directly.</summary>
public sealed record InviteRequest([property: Required] Guid? InviteeId, bool? CanEdit, bool? CanComment, string? Message);

/// <summary>The query string of the invitation lists.</summary>
public sealed class InvitationListParameters
{
    [FromQuery, QueryValue(typeof(InvitationStatus))] public string? Status { get; init; }

    [FromQuery] public string? Limit { get; init; }

    [FromQuery] public string? Cursor { get; init; }

    [FromQuery] public string? IncludeTotal { get; init; }

    public InvitationListQuery Read(QueryReader reader, InvitationStatus? defaultStatus) => new(
        reader.Enum<InvitationStatus>("status", Status) ?? defaultStatus,
        reader.Limit(Limit),
        Cursor,
        reader.Flag("includeTotal", IncludeTotal));
}
