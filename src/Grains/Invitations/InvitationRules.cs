using TicketPlatform.Common;

namespace TicketPlatform.Invitations;

/// <summary>Input rules of invitations that need no state.</summary>
internal static class InvitationRules
{
    public const int MaxMessageLength = 1000;

    /// <summary>A blank message is no message.</summary>
    public static string? MessageOf(string? message) => string.IsNullOrWhiteSpace(message) ? null : message;

    /// <summary>Checks a list's limit and cursor; <paramref name="after"/> is the decoded cursor, if any.</summary>
    public static DomainError? ValidatePage(InvitationListQuery query, out (DateTimeOffset CreatedAt, Guid Id)? after)
    {
        after = null;
        var errors = new FieldErrors().Limit("limit", query.Limit);
        if (query.Cursor is not null)
        {
            if (Cursor.TryDecodeCreation(query.Cursor, out var key))
            {
                after = key;
            }
            else
            {
                errors.Add("cursor", "The cursor is not one this list issued.");
            }
        }

        return errors.ToError();
    }
}
