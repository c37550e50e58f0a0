using System.Globalization;

namespace TicketPlatform.Sla.Calendar;

/// <summary>A calendar's local times, "HH:mm" (with "24:00" for the end of a day), as minutes since midnight.</summary>
public static class TimeOfDayText
{
    public const int MinutesPerDay = 24 * 60;

    public static bool TryParse(string? text, out int minutes)
    {
        minutes = 0;
        if (text == "24:00")
        {
            minutes = MinutesPerDay;
            return true;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        minutes = (time.Hour * 60) + time.Minute;
        return true;
    }

    public static int Parse(string text) =>
        TryParse(text, out var minutes) ? minutes : throw new FormatException($"'{text}' is not a time of day (HH:mm).");
}
