using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Messages;

namespace TicketPlatform.Attachments;

/// <summary>
/// A row of the attachments table with the visibility of its message (never stored twice: read by a join).
/// <see cref="Seq"/> is the seq of the event that added it.
/// </summary>
internal sealed record AttachmentRecord(
    Guid Id,
    string TicketNumber,
    long Seq,
    Guid MessageId,
    MessageVisibility Visibility,
    Guid UploaderId,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string StorageName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt,
    Guid? DeletedBy)
{
    public bool IsVisibleTo(Actor viewer) => DeletedAt is null && EventAudience.CanSee(Visibility, viewer);

    public AttachmentView ToView() => new(Id, TicketNumber, MessageId, UploaderId, FileName, ContentType, Size, Sha256, CreatedAt, DeletedAt, DeletedBy);
}

internal sealed class AttachmentRow
{
    public Guid Id { get; init; }

    public string TicketNumber { get; init; } = "";

    public long Seq { get; init; }

    public Guid MessageId { get; init; }

    public string Visibility { get; init; } = "";

    public Guid UploaderId { get; init; }

    public string FileName { get; init; } = "";

    public string ContentType { get; init; } = "";

    public long Size { get; init; }

    public string Sha256 { get; init; } = "";

    public string StorageName { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public Guid? DeletedBy { get; init; }

    public AttachmentRecord ToRecord() => new(
        Id, TicketNumber, Seq, MessageId, EnumText.Parse<MessageVisibility>(Visibility), UploaderId, FileName, ContentType, Size, Sha256,
        StorageName, CreatedAt, DeletedAt, DeletedBy);
}
