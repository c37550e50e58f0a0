using TicketPlatform.Common;
using TicketPlatform.Events;

namespace TicketPlatform.Messages;

/// <summary>A row of the messages table. <see cref="Seq"/> is the seq of the event that posted it: its place in the conversation.</summary>
internal sealed record MessageRecord(
    Guid Id,
    string TicketNumber,
    long Seq,
    Guid AuthorId,
    string? Content,
    MessageVisibility Visibility,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt,
    Guid? DeletedBy)
{
    public bool IsDeleted => DeletedAt is not null;

    public bool IsVisibleTo(Actor viewer) => EventAudience.CanSee(Visibility, viewer);

    public MessageView ToView() => new(Id, TicketNumber, AuthorId, Content, Visibility, CreatedAt, EditedAt, DeletedAt, DeletedBy);
}

internal sealed class MessageRow
{
    public Guid Id { get; init; }

    public string TicketNumber { get; init; } = "";

    public long Seq { get; init; }

    public Guid AuthorId { get; init; }

    public string? Content { get; init; }

    public string Visibility { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public Guid? DeletedBy { get; init; }

    public MessageRecord ToRecord() => new(
        Id, TicketNumber, Seq, AuthorId, Content, EnumText.Parse<MessageVisibility>(Visibility), CreatedAt, EditedAt, DeletedAt, DeletedBy);
}
