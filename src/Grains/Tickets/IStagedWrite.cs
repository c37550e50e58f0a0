using System.Data.Common;

namespace TicketPlatform.Tickets;

/// <summary>
/// A row write of another module (a message, an invitation, an attachment) that belongs to a ticket's
/// commit: executed inside the same transaction, after the fenced ticket update and before the events.
/// </summary>
internal interface IStagedWrite
{
    Task Execute(DbConnection connection, DbTransaction transaction);
}
