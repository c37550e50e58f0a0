namespace TicketPlatform.Attachments;

/// <summary>Where attachment bytes live, by a generated storage name. The filesystem today; an S3-compatible store later.</summary>
public interface IBlobStore
{
    /// <summary>Streams <paramref name="content"/> in under <paramref name="name"/>. When it throws, nothing is left under the name.</summary>
    Task Put(string name, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when there are none under <paramref name="name"/>.</summary>
    Task<Stream?> Open(string name, CancellationToken cancellationToken);

    /// <summary>Removes the bytes; a name with nothing under it is not an error.</summary>
    Task Delete(string name, CancellationToken cancellationToken);

    /// <summary>The names of the blobs whose writing finished at or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    IAsyncEnumerable<string> WrittenBetween(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Removes what writes that never finished (the process died mid-upload) left behind, if they began before <paramref name="cutoff"/>; how many.</summary>
    Task<int> RemoveAbandonedWrites(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
