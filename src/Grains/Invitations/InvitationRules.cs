using TicketPlatform.Common;

namespace TicketPlatform.Invitations;

/// <summary>Input rules of invitations that need no state.</summary>
internal static class InvitationRules
{
    public const int MaxMessageLength = 1000;

    /// <summary>A blank message is no message.</summary>
    public static string? MessageOf(string? message) => string.IsNullOrWhiteSpace(message) ? null : message;

    /// <summary>Checks a list's limit and cursor; <paramref name="after"/> is the decoded cursor, if any.</summary>
    public static DomainError? ValidatePage(InvitationListQuery query, out (DateTimeOffset CreatedAt, Guid Id)? after) =>
        Paging.Check(query.Limit, query.Cursor, Cursor.TryDecodeCreation, out after);
}
