namespace TicketPlatform.Participants;

[GenerateSerializer, Immutable, Alias("tp.AddParticipant")]
public sealed record AddParticipant(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] bool CanEdit = false,
    [property: Id(2)] bool CanComment = true);

[GenerateSerializer, Immutable, Alias("tp.ChangeParticipant")]
public sealed record ChangeParticipant(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] bool? CanEdit,
    [property: Id(2)] bool? CanComment);
