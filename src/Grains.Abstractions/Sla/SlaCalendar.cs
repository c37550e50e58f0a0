namespace TicketPlatform.Sla;

/// <summary>
/// When business time passes: the listed hours in <see cref="TimeZone"/> (an IANA name), except on the holidays
/// (local dates). Null <see cref="Hours"/> means around the clock.
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.SlaCalendar")]
public sealed record SlaCalendar(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] SlaHours[]? Hours,
    [property: Id(2)] DateOnly[] Holidays)
{
    public static SlaCalendar AroundTheClock(string timeZone = "UTC") => new(timeZone, null, []);
}

/// <summary>
/// Working hours on the listed days, local "HH:mm" times. A <see cref="To"/> at or before <see cref="From"/> ends on
/// the next day (a night shift 22:00–06:00); "24:00" is the end of the day.
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.SlaHours")]
public sealed record SlaHours(
    [property: Id(0)] SlaWeekday[] Days,
    [property: Id(1)] string From,
    [property: Id(2)] string To);
