namespace TicketPlatform.Sla;

/// <summary>The three promises a policy can make about a ticket.</summary>
public enum SlaKind
{
    FirstResponse,
    NextResponse,
    Resolution,
}
