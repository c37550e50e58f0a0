using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Participants;

/// <summary>The participants of one ticket; the same activation as <see cref="ITicketGrain"/> (key: ticket number).</summary>
[Alias("tp.ITicketParticipantsGrain")]
public interface ITicketParticipantsGrain : IGrainWithStringKey
{
    [Alias("GetParticipants"), ReadOnly]
    Task<Result<Page<ParticipantView>>> GetParticipants(Actor actor, PageRequest page);

    [Alias("AddParticipant")]
    Task<Result<ParticipantView>> AddParticipant(Actor actor, AddParticipant command);

    [Alias("ChangeParticipant")]
    Task<Result<ParticipantView>> ChangeParticipant(Actor actor, ChangeParticipant command);

    /// <summary>Removes a participant, or leaves the ticket when the user is the actor.</summary>
    [Alias("RemoveParticipant")]
    Task<Result<bool>> RemoveParticipant(Actor actor, Guid userId);
}
