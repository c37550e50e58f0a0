namespace TicketPlatform.Invitations;

/// <summary>Input rules of invitations that need no state.</summary>
internal static class InvitationRules
{
    public const int MaxMessageLength = 1000;

    /// <summary>A blank message is no message.</summary>
    public static string? MessageOf(string? message) => string.IsNullOrWhiteSpace(message) ? null : message;

}
