using NodaTime;
using TicketPlatform.Common;
using TicketPlatform.Sla.Calendar;

namespace TicketPlatform.Sla.Policies;

/// <summary>Field rules of a policy, checked on the whole policy a create or an edit would store.</summary>
public static class SlaPolicyRules
{
    public const int NameMin = 2;
    public const int NameMax = 100;

    /// <summary>Every problem of <paramref name="policy"/>, each naming its JSON path; <paramref name="isCategory"/> tells known category ids.</summary>
    public static DomainError? Validate(SlaPolicyView policy, Func<Guid, bool> isCategory)
    {
        var errors = new FieldErrors().Text("name", policy.Name, NameMin, NameMax);
        Match(errors, policy.Match, isCategory);
        Targets(errors, policy.Targets);
        Calendar(errors, policy.Calendar);
        if (policy.WarnAt is <= 0 or >= 1 || double.IsNaN(policy.WarnAt))
        {
            errors.Add("warnAt", "Must lie between 0 and 1, both excluded (a fraction of each target).");
        }

        return errors.ToError();
    }

    private static void Match(FieldErrors errors, SlaMatch match, Func<Guid, bool> isCategory)
    {
        if (match.Priorities is { Length: 0 })
        {
            errors.Add("match.priorities", "Name at least one priority, or null for every priority.");
        }

        if (match.CategoryIds is { Length: 0 })
        {
            errors.Add("match.categoryIds", "Name at least one category, or null for every category.");
        }

        foreach (var unknown in (match.CategoryIds ?? []).Where(id => !isCategory(id)).Distinct())
        {
            errors.Add("match.categoryIds", $"{unknown} is not a category.");
        }
    }

    private static void Targets(FieldErrors errors, SlaTargets targets)
    {
        if (targets.FirstResponse is null && targets.NextResponse is null && targets.Resolution is null)
        {
            errors.Add("targets", "Give at least one of firstResponse, nextResponse and resolution.");
        }

        Duration(errors, "targets.firstResponse", targets.FirstResponse);
        Duration(errors, "targets.nextResponse", targets.NextResponse);
        Duration(errors, "targets.resolution", targets.Resolution);
    }

    private static void Duration(FieldErrors errors, string field, string? text)
    {
        if (text is not null && !SlaDuration.TryParse(text, out _, out var problem))
        {
            errors.Add(field, problem!);
        }
    }

    private static void Calendar(FieldErrors errors, SlaCalendar calendar)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(calendar.TimeZone ?? "") is null)
        {
            errors.Add("calendar.timeZone", "Must be an IANA time zone name, such as Europe/Berlin or UTC.");
        }

        if (calendar.Hours is null)
        {
            return;
        }

        if (calendar.Hours.Length == 0)
        {
            errors.Add("calendar.hours", "Name at least one stretch of hours, or null for around the clock.");
        }

        var shifts = new List<(int Index, WeeklyShift Shift)>();
        for (var index = 0; index < calendar.Hours.Length; index++)
        {
            var hours = calendar.Hours[index];
            var field = $"calendar.hours[{index}]";
            if (hours is null)
            {
                errors.Add(field, "Must be an object {days, from, to}.");
                continue;
            }

            var wellFormed = true;
            if (hours.Days is null or { Length: 0 })
            {
                errors.Add($"{field}.days", "Name at least one day (MON … SUN).");
                wellFormed = false;
            }

            if (!TimeOfDayText.TryParse(hours.From, out var from) || from == TimeOfDayText.MinutesPerDay)
            {
                errors.Add($"{field}.from", "Must be a local time HH:mm, from 00:00 to 23:59.");
                wellFormed = false;
            }

            if (!TimeOfDayText.TryParse(hours.To, out var to))
            {
                errors.Add($"{field}.to", "Must be a local time HH:mm, from 00:00 to 24:00.");
                wellFormed = false;
            }
            else if (wellFormed && to == from)
            {
                errors.Add($"{field}.to", "Must differ from from (an earlier time ends on the next day).");
                wellFormed = false;
            }

            if (wellFormed)
            {
                shifts.AddRange(WeeklyShift.Of(hours).Select(shift => (index, shift)));
            }
        }

        foreach (var (index, shift) in shifts)
        {
            if (shifts.Any(other => other.Index < index && other.Shift.Overlaps(shift)))
            {
                errors.Add($"calendar.hours[{index}]", $"Overlaps earlier hours on {EnumText.Of(shift.Day)}.");
            }
        }
    }
}
