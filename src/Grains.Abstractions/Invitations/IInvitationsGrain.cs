using TicketPlatform.Common;

namespace TicketPlatform.Invitations;

/// <summary>
/// Invitations addressed by id alone: finds the ticket an invitation belongs to and hands the call to that
/// ticket's grain. Also the caller's own invitations across tickets. Key: 0.
/// </summary>
[Alias("tp.IInvitationsGrain")]
public interface IInvitationsGrain : IGrainWithIntegerKey
{
    [Alias("Mine")]
    Task<Result<Page<InvitationView>>> Mine(Actor actor, InvitationListQuery query);

    [Alias("Get")]
    Task<Result<InvitationView>> Get(Actor actor, Guid invitationId);

    [Alias("Accept")]
    Task<Result<InvitationView>> Accept(Actor actor, Guid invitationId);

    [Alias("Decline")]
    Task<Result<InvitationView>> Decline(Actor actor, Guid invitationId);

    [Alias("Cancel")]
    Task<Result<InvitationView>> Cancel(Actor actor, Guid invitationId);
}
