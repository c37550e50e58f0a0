namespace TicketPlatform.Realtime;

/// <summary>For each actor asked about, whether they may view the ticket; and the ticket's last seq when it was decided.</summary>
[GenerateSerializer, Immutable, Alias("tp.RoomCheck")]
public sealed record RoomCheck(
    [property: Id(0)] bool[] Allowed,
    [property: Id(1)] long LastSeq);
