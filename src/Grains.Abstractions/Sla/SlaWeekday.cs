namespace TicketPlatform.Sla;

/// <summary>A day of the week as a calendar's hours name it (MON … SUN).</summary>
public enum SlaWeekday
{
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}
