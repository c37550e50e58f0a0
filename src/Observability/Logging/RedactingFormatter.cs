using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;

namespace TicketPlatform.Observability.Logging;

/// <summary>
/// Formats with <paramref name="inner"/>, then redacts the whole line: whatever carried a secret (a property, the
/// message, an exception's text) is covered, without every log call site having to know. A line is formatted into a
/// buffer its thread keeps (the batching sink formats on one task) and copied out as it is when it holds nothing to
/// redact: no writer, builder or string is made for the usual line.
/// </summary>
public sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    /// <summary>A buffer grown past this by a long line (an exception's text) is not kept.</summary>
    private const int MaxKeptChars = 64 * 1024;

    [ThreadStatic]
    private static LineBuffer? t_line;

    public void Format(LogEvent logEvent, TextWriter output)
    {
        var line = t_line ?? new LineBuffer();
        t_line = null; // a formatter that logs while formatting gets a buffer of its own
        inner.Format(logEvent, line.Writer);
        var text = line.Text();
        if (SecretRedaction.MayHoldSecret(text))
        {
            output.Write(SecretRedaction.Redact(new string(text)));
        }
        else
        {
            output.Write(text);
        }

        if (line.Clear() <= MaxKeptChars)
        {
            t_line = line;
        }
    }

    private sealed class LineBuffer
    {
        private readonly StringBuilder _builder = new(1024);
        private char[] _chars = new char[1024];

        public LineBuffer() => Writer = new StringWriter(_builder, CultureInfo.InvariantCulture);

        public StringWriter Writer { get; }

        public ReadOnlySpan<char> Text()
        {
            if (_chars.Length < _builder.Length)
            {
                _chars = new char[_builder.Capacity];
            }

            _builder.CopyTo(0, _chars, _builder.Length);
            return _chars.AsSpan(0, _builder.Length);
        }

        /// <summary>Empties the buffer; its capacity.</summary>
        public int Clear()
        {
            _builder.Clear();
            return Math.Max(_builder.Capacity, _chars.Length);
        }
    }
}
