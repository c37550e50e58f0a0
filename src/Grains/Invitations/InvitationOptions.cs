namespace TicketPlatform.Invitations;

/// <summary>Bound from <c>TicketPlatform:Invitations</c>.</summary>
public sealed class InvitationOptions
{
    public const string Section = "TicketPlatform:Invitations";

    /// <summary>How long an invitation stays PENDING before it expires.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each silo looks for PENDING invitations past their deadline.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
