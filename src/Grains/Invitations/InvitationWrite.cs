using System.Data.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Invitations;

/// <summary>An invitation row as it stands after a ticket's commit; written in that commit's transaction.</summary>
internal sealed record InvitationWrite(InvitationView Invitation) : IStagedWrite
{
    public async Task<bool> Execute(DbConnection connection, DbTransaction transaction)
    {
        await InvitationStore.Upsert(connection, transaction, Invitation);
        return true;
    }
}
