using Microsoft.Extensions.Logging;
using TicketPlatform.Common;
using TicketPlatform.Scheduling;

namespace TicketPlatform.Invitations;

/// <summary>
/// One activation for the cluster, so scans never overlap: finds the tickets with PENDING invitations past their
/// deadline and asks each ticket's grain, their single writer, to expire them. Nothing is held here; the table is the schedule.
/// </summary>
internal sealed partial class InvitationExpiryGrain(InvitationStore invitations, Clock clock, ILogger<InvitationExpiryGrain> logger)
    : Grain, IInvitationExpiryGrain
{
    public Task<int> ExpireDue() => DueTickets.Drain(
        take => invitations.TicketsWithDue(clock.Now(), take),
        ticketNumber => GrainFactory.GetGrain<ITicketInvitationsGrain>(ticketNumber).ExpireInvitations(),
        (e, ticketNumber) => LogExpiryFailed(e, ticketNumber));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not expire the invitations of ticket {TicketNumber}")]
    private partial void LogExpiryFailed(Exception exception, string ticketNumber);
}
