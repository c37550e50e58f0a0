using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;
using TicketPlatform.Observability.Logging;

namespace TicketPlatform.UnitTests.Observability;

/// <summary>The formatter reuses one buffer per thread: every line must come out whole, redacted, and with nothing of the line before.</summary>
public sealed class RedactingFormatterTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    [Fact]
    public void Each_line_is_its_own_redacted_line_after_short_long_and_secret_lines()
    {
        var formatter = new RedactingFormatter(new RenderedCompactJsonFormatter());
        string[] texts =
        [
            "a short line",
            new string('x', 100_000),
            "after a long line",
            "a token: Bearer " + Jwt,
            "a medium line " + new string('y', 3_000),
            "short again",
        ];

        foreach (var text in texts)
        {
            var logEvent = Event(text);
            using var expected = new StringWriter();
            new RenderedCompactJsonFormatter().Format(logEvent, expected);
            using var written = new StringWriter();

            formatter.Format(logEvent, written);

            Assert.Equal(SecretRedaction.Redact(expected.ToString()), written.ToString());
        }
    }

    [Fact]
    public void A_secret_never_reaches_the_output()
    {
        using var written = new StringWriter();

        new RedactingFormatter(new RenderedCompactJsonFormatter()).Format(Event("refused token " + Jwt), written);

        Assert.DoesNotContain("c2lnbmF0dXJl", written.ToString(), StringComparison.Ordinal);
        Assert.Contains(SecretRedaction.Mask, written.ToString(), StringComparison.Ordinal);
    }

    private static LogEvent Event(string text) => new(
        DateTimeOffset.UnixEpoch,
        LogEventLevel.Information,
        exception: null,
        new MessageTemplateParser().Parse("{Text}"),
        [new LogEventProperty("Text", new ScalarValue(text))]);
}
