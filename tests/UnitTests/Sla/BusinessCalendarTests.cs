using TicketPlatform.Sla;
using TicketPlatform.Sla.Calendar;

namespace TicketPlatform.UnitTests.Sla;

/// <summary>
/// Business time of calendars in Europe/Berlin, where 2026's clocks go forward on 29 March (02:00 → 03:00) and
/// back on 25 October (03:00 → 02:00). Times in the tables are local, with their offset.
/// </summary>
public sealed class BusinessCalendarTests
{
    private const string Berlin = "Europe/Berlin";

    private static readonly Dictionary<string, SlaCalendar> Calendars = new()
    {
        ["office"] = new(Berlin, [new([SlaWeekday.Mon, SlaWeekday.Tue, SlaWeekday.Wed, SlaWeekday.Thu, SlaWeekday.Fri], "09:00", "17:00")], [new(2026, 12, 25)]),
        ["night"] = new(Berlin, [new(Enum.GetValues<SlaWeekday>(), "22:00", "06:00")], []),
        ["sunday-early"] = new(Berlin, [new([SlaWeekday.Sun], "02:30", "04:00")], []),
        ["sunday-late-night"] = new(Berlin, [new([SlaWeekday.Sun], "01:00", "03:00")], []),
        ["split-day"] = new(Berlin, [new([SlaWeekday.Mon], "08:00", "12:00"), new([SlaWeekday.Mon], "13:00", "24:00")], []),
        ["24x7"] = SlaCalendar.AroundTheClock(),
        ["24x7-berlin-holiday"] = new(Berlin, null, [new(2026, 12, 25)]),
    };

    public static TheoryData<string, string, string, string> Spans => new()
    {
        // calendar, from, to, expected business time (d.hh:mm:ss)
        { "office", "2026-12-07T10:00+01:00", "2026-12-07T12:00+01:00", "02:00:00" },
        { "office", "2026-12-07T07:00+01:00", "2026-12-07T08:00+01:00", "00:00:00" },
        { "office", "2026-12-07T08:00+01:00", "2026-12-07T18:00+01:00", "08:00:00" },
        { "office", "2026-12-04T16:00+01:00", "2026-12-07T10:00+01:00", "02:00:00" },         // over a weekend
        { "office", "2026-12-24T16:00+01:00", "2026-12-28T10:00+01:00", "02:00:00" },         // a holiday on Friday, then the weekend
        { "office", "2026-12-07T00:00+01:00", "2026-12-14T00:00+01:00", "1.16:00:00" },       // a whole week: 5 × 8 h
        { "office", "2026-03-27T16:00+01:00", "2026-03-30T10:00+02:00", "02:00:00" },         // over the spring change
        { "office", "2026-12-07T12:00+01:00", "2026-12-07T10:00+01:00", "00:00:00" },         // backwards
        { "night", "2026-12-07T23:00+01:00", "2026-12-08T05:00+01:00", "06:00:00" },          // inside a shift across midnight
        { "night", "2026-12-08T05:00+01:00", "2026-12-08T23:00+01:00", "02:00:00" },          // the end of one shift, the start of the next
        { "night", "2026-12-08T01:00+01:00", "2026-12-08T02:00+01:00", "01:00:00" },          // a shift begun the day before
        { "night", "2026-03-28T22:00+01:00", "2026-03-29T06:00+02:00", "07:00:00" },          // spring forward: a 7-hour night
        { "night", "2026-10-24T22:00+02:00", "2026-10-25T06:00+01:00", "09:00:00" },          // fall back: a 9-hour night
        { "sunday-early", "2026-03-22T00:00+01:00", "2026-03-22T12:00+01:00", "01:30:00" },
        { "sunday-early", "2026-03-29T00:00+01:00", "2026-03-29T12:00+02:00", "01:00:00" },   // 02:30 does not exist: from 03:00
        { "sunday-late-night", "2026-10-25T00:00+02:00", "2026-10-25T12:00+01:00", "03:00:00" }, // 02:00–03:00 twice
        { "split-day", "2026-12-07T00:00+01:00", "2026-12-08T00:00+01:00", "15:00:00" },
        { "24x7", "2026-12-07T10:00+00:00", "2026-12-14T10:00+00:00", "7.00:00:00" },
        { "24x7", "2026-12-07T10:00:00+00:00", "2026-12-07T10:00:10+00:00", "00:00:10" },
        { "24x7-berlin-holiday", "2026-12-24T12:00+01:00", "2026-12-26T12:00+01:00", "1.00:00:00" },
        { "24x7-berlin-holiday", "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", "23:00:00" },
    };

    public static TheoryData<string, string, string, string> Deadlines => new()
    {
        // calendar, from, business time, expected instant
        { "office", "2026-12-07T10:00+01:00", "02:00:00", "2026-12-07T12:00+01:00" },
        { "office", "2026-12-07T09:00+01:00", "08:00:00", "2026-12-07T17:00+01:00" },         // ends exactly with the shift
        { "office", "2026-12-07T09:00+01:00", "08:00:01", "2026-12-08T09:00:01+01:00" },
        { "office", "2026-12-04T16:00+01:00", "02:00:00", "2026-12-07T10:00+01:00" },
        { "office", "2026-12-05T10:00+01:00", "00:30:00", "2026-12-07T09:30+01:00" },         // asked on a Saturday
        { "office", "2026-12-24T16:30+01:00", "01:00:00", "2026-12-28T09:30+01:00" },         // over the holiday
        { "office", "2026-12-07T10:00+01:00", "00:00:00", "2026-12-07T10:00+01:00" },
        { "night", "2026-03-28T22:00+01:00", "07:00:00", "2026-03-29T06:00+02:00" },
        { "night", "2026-10-24T22:00+02:00", "08:00:00", "2026-10-25T05:00+01:00" },
        { "night", "2026-12-08T05:30+01:00", "01:00:00", "2026-12-08T22:30+01:00" },
        { "sunday-early", "2026-03-28T12:00+01:00", "00:30:00", "2026-03-29T03:30+02:00" },
        { "split-day", "2026-12-07T11:00+01:00", "02:00:00", "2026-12-07T14:00+01:00" },
        { "24x7", "2026-12-07T10:00:00+00:00", "00:00:10", "2026-12-07T10:00:10+00:00" },
        { "24x7-berlin-holiday", "2026-12-24T23:00+01:00", "02:00:00", "2026-12-26T01:00+01:00" },
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void Business_time_between_two_instants(string calendar, string from, string to, string expected) =>
        Assert.Equal(TimeSpan.Parse(expected), Of(calendar).Between(At(from), At(to)));

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void The_instant_after_an_amount_of_business_time(string calendar, string from, string amount, string expected) =>
        Assert.Equal(At(expected), Of(calendar).After(At(from), TimeSpan.Parse(amount)));

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void Counting_up_to_a_deadline_gives_back_the_amount(string calendar, string from, string amount, string expected)
    {
        _ = expected;
        var business = Of(calendar);
        Assert.Equal(TimeSpan.Parse(amount), business.Between(At(from), business.After(At(from), TimeSpan.Parse(amount))));
    }

    public static TheoryData<string> CalendarNames => new(Calendars.Keys);

    /// <summary>Seeded random instants over 2026 (both DST changes included): counting is additive and inverts the deadline.</summary>
    [Theory]
    [MemberData(nameof(CalendarNames))]
    public void Counting_is_additive_and_the_deadline_is_its_inverse_at_random_instants(string calendar)
    {
        var business = Of(calendar);
        var random = new Random(20261205);
        var yearStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset Any() => yearStart.AddMinutes(random.Next(0, 365 * 24 * 60));

        for (var i = 0; i < 100; i++)
        {
            var points = new[] { Any(), Any(), Any() }.Order().ToArray();
            Assert.Equal(business.Between(points[0], points[2]), business.Between(points[0], points[1]) + business.Between(points[1], points[2]));

            var amount = TimeSpan.FromMinutes(random.Next(1, 30 * 24 * 60));
            var deadline = business.After(points[0], amount);
            Assert.Equal(amount, business.Between(points[0], deadline));
            Assert.True(business.Between(points[0], deadline.AddTicks(-1)) < amount, $"{calendar}: {points[0]:o} + {amount} is reached only at {deadline:o}");
        }
    }

    [Fact]
    public void An_unknown_time_zone_is_refused() =>
        Assert.Throws<ArgumentException>(() => BusinessCalendar.Of(SlaCalendar.AroundTheClock("Mars/Olympus_Mons")));

    private static BusinessCalendar Of(string name) => BusinessCalendar.Of(Calendars[name]);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
