using System.Data.Common;

namespace TicketPlatform.Tickets;

/// <summary>
/// A row write of another module (a message, an invitation, an attachment) that belongs to a ticket's
/// commit: executed inside the same transaction, after the fenced ticket update and before the events.
/// </summary>
internal interface IStagedWrite
{
    /// <summary>
    /// Writes the row; false when the row is no longer as the command saw it (another writer changed it since),
    /// which abandons the whole commit like a lost version fence.
    /// </summary>
    Task<bool> Execute(DbConnection connection, DbTransaction transaction);
}
