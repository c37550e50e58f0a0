using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Invitations;

/// <summary>
/// The invitations of one ticket; the same activation as <see cref="ITicketGrain"/> (key: ticket number), which
/// is their single writer. Reads may commit a lazy expiry, so none of them is read-only.
/// </summary>
[Alias("tp.ITicketInvitationsGrain")]
public interface ITicketInvitationsGrain : IGrainWithStringKey
{
    [Alias("Invite")]
    Task<Result<InvitationView>> Invite(Actor actor, InviteToTicket command);

    [Alias("ListInvitations")]
    Task<Result<Page<InvitationView>>> ListInvitations(Actor actor, InvitationListQuery query);

    [Alias("GetInvitation")]
    Task<Result<InvitationView>> GetInvitation(Actor actor, Guid invitationId);

    [Alias("AcceptInvitation")]
    Task<Result<InvitationView>> AcceptInvitation(Actor actor, Guid invitationId);

    [Alias("DeclineInvitation")]
    Task<Result<InvitationView>> DeclineInvitation(Actor actor, Guid invitationId);

    [Alias("CancelInvitation")]
    Task<Result<InvitationView>> CancelInvitation(Actor actor, Guid invitationId);

    /// <summary>Expires the PENDING invitations past their deadline; returns how many.</summary>
    [Alias("ExpireInvitations")]
    Task<int> ExpireInvitations();
}
