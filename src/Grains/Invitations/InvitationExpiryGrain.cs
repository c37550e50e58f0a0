using Microsoft.Extensions.Logging;
using TicketPlatform.Common;

namespace TicketPlatform.Invitations;

/// <summary>
/// One activation for the cluster, so scans never overlap: finds the tickets with PENDING invitations past their
/// deadline and asks each ticket's grain, their single writer, to expire them. Nothing is held here; the table is the schedule.
/// </summary>
internal sealed partial class InvitationExpiryGrain(InvitationStore invitations, Clock clock, ILogger<InvitationExpiryGrain> logger)
    : Grain, IInvitationExpiryGrain
{
    private const int TicketsPerBatch = 200;

    public async Task<int> ExpireDue()
    {
        var expired = 0;
        while (true)
        {
            var tickets = await invitations.TicketsWithDue(clock.Now(), TicketsPerBatch);
            var batch = (await Task.WhenAll(tickets.Select(Expire))).Sum();
            expired += batch;
            if (tickets.Length < TicketsPerBatch || batch == 0)
            {
                return expired;
            }
        }
    }

    private async Task<int> Expire(string ticketNumber)
    {
        try
        {
            return await GrainFactory.GetGrain<ITicketInvitationsGrain>(ticketNumber).ExpireInvitations();
        }
        catch (Exception e)
        {
            LogExpiryFailed(e, ticketNumber);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not expire the invitations of ticket {TicketNumber}")]
    private partial void LogExpiryFailed(Exception exception, string ticketNumber);
}
