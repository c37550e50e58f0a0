using System.Data.Common;
using Microsoft.Extensions.Logging;
using TicketPlatform.Common;

namespace TicketPlatform.Persistence;

/// <summary>Turns a database failure inside any grain call into a <see cref="StorageUnavailableException"/> for the caller.</summary>
internal sealed partial class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (DbException e)
        {
            LogDatabaseFailure(logger, context.InterfaceName, context.MethodName, e);
            throw new StorageUnavailableException($"The database could not be reached ({e.GetType().Name}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database failure in {Interface}.{Method}")]
    private static partial void LogDatabaseFailure(ILogger logger, string @interface, string method, Exception exception);
}
