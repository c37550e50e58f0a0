namespace TicketPlatform.Attachments;

/// <summary>A file attached to a message. <see cref="Sha256"/> is the lowercase hex digest of its bytes.</summary>
[GenerateSerializer, Immutable, Alias("tp.AttachmentView")]
public sealed record AttachmentView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string TicketNumber,
    [property: Id(2)] Guid MessageId,
    [property: Id(3)] Guid UploaderId,
    [property: Id(4)] string FileName,
    [property: Id(5)] string ContentType,
    [property: Id(6)] long Size,
    [property: Id(7)] string Sha256,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset? DeletedAt,
    [property: Id(10)] Guid? DeletedBy);

/// <summary>An attachment with where its bytes are kept: for the edge that streams them, never shown to clients.</summary>
[GenerateSerializer, Immutable, Alias("tp.StoredAttachment")]
public sealed record StoredAttachment(
    [property: Id(0)] AttachmentView Attachment,
    [property: Id(1)] string StorageName);
