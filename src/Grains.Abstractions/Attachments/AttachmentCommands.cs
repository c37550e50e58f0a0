using TicketPlatform.Common;

namespace TicketPlatform.Attachments;

/// <summary>Records a file whose bytes the edge already stored under <see cref="StorageName"/>.</summary>
[GenerateSerializer, Immutable, Alias("tp.AddAttachment")]
public sealed record AddAttachment(
    [property: Id(0)] Guid MessageId,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string Sha256,
    [property: Id(5)] string StorageName);

[GenerateSerializer, Immutable, Alias("tp.AttachmentListQuery")]
public sealed record AttachmentListQuery(
    [property: Id(0)] Guid? MessageId = null,
    [property: Id(1)] string? Cursor = null,
    [property: Id(2)] int Limit = PageRequest.DefaultLimit,
    [property: Id(3)] bool IncludeTotal = false);
