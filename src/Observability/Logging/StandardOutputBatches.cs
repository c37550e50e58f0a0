using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace TicketPlatform.Observability.Logging;

/// <summary>
/// Log lines to standard output a batch at a time (behind Serilog's batching: a bounded queue drained on a background
/// task). A batch is formatted into one large buffer and written with a few system calls; a line at a time cost a
/// wake-up of the writer and several writes (the console's writer flushes every 256 characters) for every request.
/// </summary>
internal sealed class StandardOutputBatches(ITextFormatter formatter) : IBatchedLogEventSink, IDisposable
{
    private readonly StreamWriter _output = new(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);

    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, _output);
        }

        _output.Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => _output.Dispose();
}
