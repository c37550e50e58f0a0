using System.Collections.Frozen;
using NodaTime;
using NodaTime.TimeZones;

namespace TicketPlatform.Sla.Calendar;

/// <summary>
/// Business time of one <see cref="SlaCalendar"/>: "how much business time lies between two instants" and "the instant
/// after so much business time". Pure (NodaTime's time zone database, no clock). Working hours are local wall-clock
/// times turned into instants day by day, so a daylight-saving change inside a shift makes it an hour shorter or longer,
/// as the people working it experience. A local time skipped by a change means the first instant after the gap;
/// a repeated local time means its earlier occurrence. A holiday removes the shifts that start on it.
/// </summary>
public sealed class BusinessCalendar
{
    private static readonly ZoneLocalMappingResolver WallClock =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly IsoDayOfWeek[] IsoDays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private readonly DateTimeZone _zone;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly ILookup<IsoDayOfWeek, WeeklyShift>? _shifts;

    private BusinessCalendar(DateTimeZone zone, FrozenSet<LocalDate> holidays, ILookup<IsoDayOfWeek, WeeklyShift>? shifts)
    {
        _zone = zone;
        _holidays = holidays;
        _shifts = shifts;
    }

    /// <summary>The calendar's business time; the calendar must be valid (a known zone, well-formed hours).</summary>
    public static BusinessCalendar Of(SlaCalendar calendar)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(calendar.TimeZone)
            ?? throw new ArgumentException($"'{calendar.TimeZone}' is not an IANA time zone.", nameof(calendar));
        var holidays = calendar.Holidays.Select(LocalDate.FromDateOnly).ToFrozenSet();
        var shifts = calendar.Hours?
            .SelectMany(WeeklyShift.Of)
            .OrderBy(shift => shift.FromMinute)
            .ToLookup(shift => IsoDays[(int)shift.Day]);
        return new BusinessCalendar(zone, holidays, shifts);
    }

    /// <summary>True when the calendar counts every instant (around the clock, no holidays).</summary>
    private bool IsContinuous => _shifts is null && _holidays.Count == 0;

    /// <summary>The business time in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsContinuous)
        {
            return to - from;
        }

        var start = Instant.FromDateTimeOffset(from);
        var end = Instant.FromDateTimeOffset(to);
        var total = Duration.Zero;
        foreach (var (shiftStart, shiftEnd) in IntervalsFrom(start))
        {
            if (shiftStart >= end)
            {
                break;
            }

            total += Min(shiftEnd, end) - shiftStart;
        }

        return total.ToTimeSpan();
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time has passed since <paramref name="from"/>;
    /// <paramref name="from"/> itself for a zero or negative amount. When the amount runs out exactly at the end of a
    /// shift, that end is the answer (not the start of the next shift).
    /// </summary>
    public DateTimeOffset After(DateTimeOffset from, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return from;
        }

        if (IsContinuous)
        {
            return from + amount;
        }

        var left = Duration.FromTimeSpan(amount);
        foreach (var (shiftStart, shiftEnd) in IntervalsFrom(Instant.FromDateTimeOffset(from)))
        {
            var length = shiftEnd - shiftStart;
            if (left <= length)
            {
                return (shiftStart + left).ToDateTimeOffset();
            }

            left -= length;
        }

        throw new InvalidOperationException("A calendar's business time never runs out.");
    }

    /// <summary>
    /// The calendar's working intervals from <paramref name="start"/> on, in order, clipped so none starts before
    /// <paramref name="start"/> or before the previous one ended. Unbounded: the callers stop.
    /// </summary>
    private IEnumerable<(Instant Start, Instant End)> IntervalsFrom(Instant start)
    {
        // A shift that crossed midnight may have started the day before.
        var date = start.InZone(_zone).Date.PlusDays(-1);
        var covered = start;
        var daysWithoutWork = 0;
        while (true)
        {
            var worked = false;
            foreach (var (shiftStart, shiftEnd) in ShiftsOn(date))
            {
                var clippedStart = Max(shiftStart, covered);
                if (shiftEnd > clippedStart)
                {
                    worked = true;
                    covered = shiftEnd;
                    yield return (clippedStart, shiftEnd);
                }
            }

            // Holidays are finite, and valid hours hold at least one shift a week; this guards against an invalid calendar.
            daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
            if (daysWithoutWork > 366 + _holidays.Count + 7)
            {
                yield break;
            }

            date = date.PlusDays(1);
        }
    }

    private IEnumerable<(Instant Start, Instant End)> ShiftsOn(LocalDate date)
    {
        if (_holidays.Contains(date))
        {
            yield break;
        }

        if (_shifts is null)
        {
            yield return (_zone.AtStartOfDay(date).ToInstant(), _zone.AtStartOfDay(date.PlusDays(1)).ToInstant());
            yield break;
        }

        foreach (var shift in _shifts[date.DayOfWeek])
        {
            yield return (Local(date, shift.FromMinute), Local(date, shift.EndMinute));
        }
    }

    /// <summary>The instant of a local time given as minutes after the start of <paramref name="date"/> (may reach into the next day).</summary>
    private Instant Local(LocalDate date, int minutes)
    {
        var local = date.PlusDays(minutes / TimeOfDayText.MinutesPerDay).At(LocalTime.Midnight.PlusMinutes(minutes % TimeOfDayText.MinutesPerDay));
        return _zone.ResolveLocal(local, WallClock).ToInstant();
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
