using TicketPlatform.Users;

namespace TicketPlatform.Realtime;

/// <summary>Someone watching a ticket: since when (their earliest connection in its room).</summary>
[GenerateSerializer, Immutable, Alias("tp.PresenceViewer")]
public sealed record PresenceViewer(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string? Name,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] DateTimeOffset Since);

/// <summary>
/// An Api node's viewers of one ticket, valid for <see cref="ValidFor"/> unless reported again; <see cref="Announce"/>
/// asks for a presence push even when the merged viewers did not change (someone joined or left a room).
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.NodePresence")]
public sealed record NodePresence(
    [property: Id(0)] PresenceViewer[] Viewers,
    [property: Id(1)] TimeSpan ValidFor,
    [property: Id(2)] bool Announce);
