using TicketPlatform.Tickets;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

/// <summary>The expected answer of the policy written as one word: ALLOWED or the wire reason code.</summary>
public static class Outcome
{
    public const string Allowed = "ALLOWED";
    public const string NotParticipant = "NOT_PARTICIPANT";
    public const string Role = "ROLE";
    public const string Permission = "PERMISSION";
    public const string Locked = "LOCKED";
    public const string Status = "STATUS";
    public const string Archived = "ARCHIVED";

    public static string Of(AccessDecision decision) => decision switch
    {
        { Allowed: true, Reason: null } => Allowed,
        { Allowed: true, Reason: var reason } => $"ALLOWED but with reason {reason}",
        { Allowed: false, Reason: null } => "REFUSED without a reason",
        { Allowed: false, Reason: var reason } => reason,
    };

    public static string Decide(TicketRight right, Caller caller, TicketAccessFacts ticket) =>
        Of(TicketAccessPolicy.Decide(right, caller.ToSubject(), ticket));
}
