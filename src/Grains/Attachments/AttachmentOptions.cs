namespace TicketPlatform.Attachments;

/// <summary>Section <c>TicketPlatform:Attachments</c>: upload limit, where blobs live, and how deleted blobs are purged.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "TicketPlatform:Attachments";

    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The filesystem blob store's root; <c>{DataDirectory}/blobs</c> when not set.</summary>
    public string? Directory { get; set; }

    /// <summary>How often the purge looks for blobs of deleted attachments.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a deleted attachment's blob is kept before it is purged.</summary>
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How old a blob without an attachment row must be before the purge removes it. Such a blob was stored but its
    /// metadata never committed (the process died between the two); the wait must exceed the time from a blob's
    /// last byte to its commit, which is milliseconds.
    /// </summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the store is searched for orphans: each search looks at the blobs written since the previous one, the first at all of them.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromMinutes(15);
}
