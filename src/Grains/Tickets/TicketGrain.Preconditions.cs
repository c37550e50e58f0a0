using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>
/// The conditional write: a command made against a version that is no longer current changes nothing. The version
/// compared is the one the actor reads (a USER's does not move with internal events), as their ETag carries it.
/// </summary>
internal sealed partial class TicketGrain
{
    private static DomainError? StaleVersionNamed(TicketState ticket, Actor actor, int? expectedVersion) =>
        expectedVersion is { } expected && ticket.VersionSeen(actor.IsStaff) is var current && expected != current
            ? new DomainError(ErrorCodes.PreconditionFailed, $"The ticket is at version {current}, not {expected}.")
            : null;
}
