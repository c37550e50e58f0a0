using NodaTime;
using NodaTime.Text;

namespace TicketPlatform.Sla;

/// <summary>
/// Targets are ISO-8601 durations read by NodaTime's ISO period pattern. Years and months have no fixed length, so they
/// are refused; a day (D) or week (W) of a target is 24 or 168 hours of business time.
/// </summary>
public static class SlaDuration
{
    /// <summary>The longest target: a year of business time. It also bounds how far a deadline is searched for.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(366);

    public static bool TryParse(string? text, out TimeSpan duration, out string? problem)
    {
        duration = TimeSpan.Zero;
        var result = PeriodPattern.NormalizingIso.Parse(text ?? "");
        if (!result.Success)
        {
            problem = "Must be an ISO-8601 duration such as PT4H or P1DT12H.";
            return false;
        }

        var period = result.Value;
        if (period.Years != 0 || period.Months != 0)
        {
            problem = "Years and months have no fixed length; use weeks, days, hours, minutes or seconds.";
            return false;
        }

        var length = period.ToDuration();
        if (length <= Duration.Zero || length > Duration.FromTimeSpan(Max))
        {
            problem = "Must be longer than zero and at most P366D.";
            return false;
        }

        duration = length.ToTimeSpan();
        problem = null;
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration, out var problem) ? duration : throw new FormatException($"'{text}': {problem}");
}
