namespace TicketPlatform.Sla.Calendar;

/// <summary>
/// One stretch of working time in the week, in minutes from Monday 00:00 local time; a shift that starts on a
/// day belongs to that day even when it ends after midnight.
/// </summary>
public readonly record struct WeeklyShift(SlaWeekday Day, int FromMinute, int ToMinute)
{
    /// <summary>Minutes from the start of <see cref="Day"/> to the end of the shift (over 1440 when it crosses midnight).</summary>
    public int EndMinute => ToMinute > FromMinute ? ToMinute : ToMinute + TimeOfDayText.MinutesPerDay;

    public int WeekStart => ((int)Day * TimeOfDayText.MinutesPerDay) + FromMinute;

    public int WeekEnd => ((int)Day * TimeOfDayText.MinutesPerDay) + EndMinute;

    public static IEnumerable<WeeklyShift> Of(SlaHours hours)
    {
        var from = TimeOfDayText.Parse(hours.From);
        var to = TimeOfDayText.Parse(hours.To);
        return hours.Days.Distinct().Select(day => new WeeklyShift(day, from, to));
    }

    /// <summary>Whether two shifts share a minute, also across the end of the week (Sunday night into Monday).</summary>
    public bool Overlaps(WeeklyShift other)
    {
        const int week = 7 * TimeOfDayText.MinutesPerDay;
        return Intersects(WeekStart, WeekEnd, other.WeekStart, other.WeekEnd)
            || Intersects(WeekStart + week, WeekEnd + week, other.WeekStart, other.WeekEnd)
            || Intersects(WeekStart, WeekEnd, other.WeekStart + week, other.WeekEnd + week);
    }

    private static bool Intersects(int aStart, int aEnd, int bStart, int bEnd) => aStart < bEnd && bStart < aEnd;
}
