using TicketPlatform.Sla;

namespace TicketPlatform.UnitTests.Sla;

public sealed class SlaDurationTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "PT10S", "00:00:10" },
        { "PT4H", "04:00:00" },
        { "PT1H30M", "01:30:00" },
        { "P1DT12H", "1.12:00:00" },
        { "P2W", "14.00:00:00" },
        { "PT0.5S", "00:00:00.5" },
        { "P366D", "366.00:00:00" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Iso_8601_durations_without_years_or_months_are_read(string text, string expected)
    {
        Assert.True(SlaDuration.TryParse(text, out var duration, out var problem), problem);
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4h")]
    [InlineData("PT")]
    [InlineData("PT0S")]
    [InlineData("PT-1H")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("P367D")]
    [InlineData("04:00:00")]
    public void Other_texts_are_refused_with_a_reason(string text)
    {
        Assert.False(SlaDuration.TryParse(text, out _, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
