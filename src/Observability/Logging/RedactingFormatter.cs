using Serilog.Events;
using Serilog.Formatting;

namespace TicketPlatform.Observability.Logging;

/// <summary>
/// Formats with <paramref name="inner"/>, then redacts the whole line: whatever carried a secret (a property, the
/// message, an exception's text) is covered, without every log call site having to know.
/// </summary>
public sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, line);
        output.Write(SecretRedaction.Redact(line.ToString()));
    }
}
