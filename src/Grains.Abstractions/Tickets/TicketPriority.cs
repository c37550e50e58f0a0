namespace TicketPlatform.Tickets;

/// <summary>Ordered: LOW &lt; MEDIUM &lt; HIGH &lt; URGENT (the numeric values are the sort order).</summary>
public enum TicketPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Urgent = 3,
}
