using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketPlatform.Tickets;

/// <summary>Ticket numbers: <c>TCK-YYYY-NNNNN</c>, at least five digits, more past 99999.</summary>
public static partial class TicketNumber
{
    public static string Format(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"TCK-{year:D4}-{sequence:D5}");

    /// <summary>The shape of a number, as documented (ECMA regex).</summary>
    public const string Shape = "^TCK-[0-9]{4}-[0-9]{5,18}$";

    public static bool IsWellFormed(string? number) => number is not null && Pattern().IsMatch(number);

    [GeneratedRegex(@"^TCK-[0-9]{4}-[0-9]{5,18}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
