namespace TicketPlatform.Tickets;

/// <summary>The policy's answer for one right: allowed, or refused with a reason code.</summary>
[GenerateSerializer, Immutable, Alias("tp.AccessDecision")]
public sealed record AccessDecision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] string? Reason)
{
    public static readonly AccessDecision Allow = new(true, null);

    public static AccessDecision Deny(string reason) => new(false, reason);
}

/// <summary>Reason codes of refused rights.</summary>
public static class AccessReasons
{
    public const string NotParticipant = "NOT_PARTICIPANT";
    public const string Role = "ROLE";
    public const string Permission = "PERMISSION";
    public const string Locked = "LOCKED";
    public const string Status = "STATUS";
    public const string Archived = "ARCHIVED";
}
