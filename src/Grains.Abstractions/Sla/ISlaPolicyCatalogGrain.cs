using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Sla;

/// <summary>
/// The one writer of all SLA policies (key 0). Holds every policy in memory, so choosing the policy of a ticket costs
/// no database round trip.
/// </summary>
[Alias("tp.ISlaPolicyCatalogGrain")]
public interface ISlaPolicyCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Staff: every policy, in order.</summary>
    [Alias("List"), ReadOnly]
    Task<Result<Page<SlaPolicyView>>> List(Actor actor, PageRequest page);

    [Alias("Get"), ReadOnly]
    Task<Result<SlaPolicyView>> Get(Actor actor, Guid id);

    /// <summary>For the ticket's clocks: the first active policy in order whose match fits, or null.</summary>
    [Alias("Choose"), ReadOnly]
    Task<SlaPolicyView?> Choose(TicketPriority priority, Guid? categoryId);

    [Alias("Create")]
    Task<Result<SlaPolicyView>> Create(Actor actor, CreateSlaPolicy command);

    [Alias("Edit")]
    Task<Result<SlaPolicyView>> Edit(Actor actor, Guid id, EditSlaPolicy command);

    /// <summary>ADMIN: the new order, naming every policy exactly once; answers every policy in that order.</summary>
    [Alias("Reorder")]
    Task<Result<SlaPolicyView[]>> Reorder(Actor actor, ReorderSlaPolicies command);

    /// <summary>ADMIN: null when deleted.</summary>
    [Alias("Delete")]
    Task<DomainError?> Delete(Actor actor, Guid id);
}
