using TicketPlatform.Tickets;

namespace TicketPlatform.UnitTests.Tickets;

public sealed class TicketNumberTests
{
    public static TheoryData<int, long, string> Formatted => new()
    {
        { 2026, 1, "TCK-2026-00001" },
        { 2026, 42, "TCK-2026-00042" },
        { 2026, 99_999, "TCK-2026-99999" },
        { 2026, 100_000, "TCK-2026-100000" },
        { 2027, 1_234_567, "TCK-2027-1234567" },
    };

    public static TheoryData<string?> Malformed => new(
        null,
        "",
        " ",
        "TCK-26-1",
        "TCK-26-00001",
        "tck-2026-00001",
        "Tck-2026-00001",
        "TCK-2026-0001",
        "TCK-2026-",
        "TCK-2026",
        "TCK_2026_00001",
        "TCK-2026-00001-1",
        "TCK-2026-0000A",
        " TCK-2026-00001",
        "TCK-2026-00001 ",
        "XTCK-2026-00001",
        "TCK-2026-00001' OR '1'='1",
        "TCK-2026-00001; DROP TABLE tickets; --");

    public static TheoryData<string> LookAlikes => new(
        "TCK-2026-00001\n",
        "TCK-2026-00001\r\n",
        "TCK-٢٠٢٦-٠٠٠٠١",
        "TCK-2026-０００４２");

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Format_pads_the_sequence_to_five_digits_and_grows_past_99999(int year, long sequence, string expected) =>
        Assert.Equal(expected, TicketNumber.Format(year, sequence));

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Every_formatted_number_is_well_formed(int year, long sequence, string number)
    {
        Assert.True(TicketNumber.IsWellFormed(TicketNumber.Format(year, sequence)));
        Assert.True(TicketNumber.IsWellFormed(number));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Junk_is_not_a_ticket_number(string? text) =>
        Assert.False(TicketNumber.IsWellFormed(text));

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void A_trailing_line_break_or_non_ascii_digits_are_not_a_ticket_number(string text) =>
        Assert.False(TicketNumber.IsWellFormed(text));
}
