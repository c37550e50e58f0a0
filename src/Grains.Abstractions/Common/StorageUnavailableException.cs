namespace TicketPlatform.Common;

/// <summary>
/// A grain could not reach its database. Crosses the cluster as itself (a driver's exception type may not be
/// known to the caller), and is an <see cref="OrleansException"/>, so the edge answers 503 with Retry-After.
/// </summary>
[GenerateSerializer, Alias("tp.StorageUnavailableException")]
public sealed class StorageUnavailableException : OrleansException
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
