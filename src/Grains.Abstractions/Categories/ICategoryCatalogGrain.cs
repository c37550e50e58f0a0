using Orleans.Concurrency;
using TicketPlatform.Common;

namespace TicketPlatform.Categories;

/// <summary>
/// The one writer of all categories (key 0). Holds every category in memory; reads, including the check
/// made when a ticket is opened, cost no database round trip.
/// </summary>
[Alias("tp.ICategoryCatalogGrain")]
public interface ICategoryCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>The active categories, in order.</summary>
    [Alias("ListActive"), ReadOnly]
    Task<Result<Page<CategoryView>>> ListActive(PageRequest page);

    /// <summary>ADMIN: every category, in order, with the number of tickets using it.</summary>
    [Alias("ListAll"), ReadOnly]
    Task<Result<Page<CategoryView>>> ListAll(Actor actor, PageRequest page);

    /// <summary>An inactive category exists only for ADMIN.</summary>
    [Alias("Get"), ReadOnly]
    Task<Result<CategoryView>> Get(Actor actor, Guid id);

    /// <summary>True when the category exists and may be put on tickets.</summary>
    [Alias("IsActive"), ReadOnly]
    Task<bool> IsActive(Guid id);

    [Alias("Create")]
    Task<Result<CategoryView>> Create(Actor actor, CreateCategory command);

    [Alias("Edit")]
    Task<Result<CategoryView>> Edit(Actor actor, Guid id, EditCategory command);

    [Alias("SetActive")]
    Task<Result<CategoryView>> SetActive(Actor actor, Guid id, bool active);

    /// <summary>ADMIN: the new order, naming every category exactly once; answers every category in that order.</summary>
    [Alias("Reorder")]
    Task<Result<CategoryView[]>> Reorder(Actor actor, ReorderCategories command);

    /// <summary>ADMIN: deletes a category no ticket uses; null when done.</summary>
    [Alias("Delete")]
    Task<DomainError?> Delete(Actor actor, Guid id);
}
