using TicketPlatform.Common;
using TicketPlatform.Preconditions;

namespace TicketPlatform.Tickets;

/// <summary>The conditional write: a command made against a version that is no longer current changes nothing.</summary>
internal sealed partial class TicketGrain
{
    private DomainError? StaleVersionNamed() =>
        ExpectedTicketVersion.Current is { } expected && expected != _ticket!.Version
            ? new DomainError(ErrorCodes.PreconditionFailed, $"The ticket is at version {_ticket.Version}, not {expected}.")
            : null;
}
