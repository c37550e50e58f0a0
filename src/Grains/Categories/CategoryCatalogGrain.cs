using System.Collections.Immutable;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Categories;

/// <summary>
/// Owns every category. All rows are loaded on activation and reads are served from memory; each change
/// is committed in one transaction before memory is updated. A refused write (another writer got there
/// first) reloads the rows so memory never drifts from what is committed.
/// </summary>
internal sealed class CategoryCatalogGrain(CategoryStore store, Clock clock) : Grain, ICategoryCatalogGrain
{
    private ImmutableDictionary<Guid, CategoryRecord> _categories = ImmutableDictionary<Guid, CategoryRecord>.Empty;

    private IEnumerable<CategoryRecord> Ordered => _categories.Values.OrderBy(c => c.SortOrder).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Reload();

    public Task<Result<Page<CategoryView>>> ListActive(PageRequest page) =>
        Task.FromResult(Paging.InMemory(Ordered.Where(c => c.Active).Select(c => c.ToView()), page, PageKey));

    public async Task<Result<Page<CategoryView>>> ListAll(Actor actor, PageRequest page)
    {
        if (RequireAdmin(actor) is { } refused)
        {
            return refused;
        }

        var categories = Ordered.ToArray();
        var counts = await store.TicketCounts();
        return Paging.InMemory(categories.Select(c => c.ToView(counts.GetValueOrDefault(c.Id))), page, PageKey);
    }

    /// <summary>The list order as text: the sort order, zero-padded, then the id (categories share no sort order).</summary>
    private static string[] PageKey(CategoryView category) =>
        [category.SortOrder.ToString("D10", System.Globalization.CultureInfo.InvariantCulture), category.Id.ToString()];

    public Task<Result<CategoryView>> Get(Actor actor, Guid id) => Task.FromResult<Result<CategoryView>>(
        _categories.TryGetValue(id, out var category) && (category.Active || actor.IsAdmin) ? category.ToView() : NotFound());

    public Task<bool> IsActive(Guid id) => Task.FromResult(_categories.TryGetValue(id, out var category) && category.Active);

    public async Task<Result<CategoryView>> Create(Actor actor, CreateCategory command)
    {
        if ((RequireAdmin(actor) ?? CategoryRules.Validate(command)) is { } refused)
        {
            return refused;
        }

        var name = command.Name.Trim();
        var nextSortOrder = _categories.IsEmpty ? 1 : _categories.Values.Max(c => c.SortOrder) + 1;
        var category = new CategoryRecord(
            Guid.NewGuid(), name, CategoryRules.DescriptionOf(command.Description), Active: true, nextSortOrder, clock.Now());
        return IsNameTaken(category) ? NameTaken(name) : await Save(category, isNew: true);
    }

    public async Task<Result<CategoryView>> Edit(Actor actor, Guid id, EditCategory command)
    {
        if ((RequireAdmin(actor) ?? CategoryRules.Validate(command)) is { } refused)
        {
            return refused;
        }

        if (!_categories.TryGetValue(id, out var before))
        {
            return NotFound();
        }

        var after = before with
        {
            Name = command.Name?.Trim() ?? before.Name,
            Description = command.Description is null ? before.Description : CategoryRules.DescriptionOf(command.Description),
        };
        if (after == before)
        {
            return before.ToView();
        }

        return IsNameTaken(after) ? NameTaken(after.Name) : await Save(after, isNew: false);
    }

    public async Task<Result<CategoryView>> SetActive(Actor actor, Guid id, bool active)
    {
        if (RequireAdmin(actor) is { } refused)
        {
            return refused;
        }

        if (!_categories.TryGetValue(id, out var before))
        {
            return NotFound();
        }

        return before.Active == active ? before.ToView() : await Save(before with { Active = active }, isNew: false);
    }

    public async Task<Result<CategoryView[]>> Reorder(Actor actor, ReorderCategories command)
    {
        if ((RequireAdmin(actor) ?? ValidateOrder(command.Ids)) is { } refused)
        {
            return refused;
        }

        if (!await store.TryReorder(command.Ids))
        {
            await Reload();
            return DomainError.Conflict("The categories changed meanwhile; read them again and name every one.");
        }

        var reordered = command.Ids.Select((id, index) => _categories[id] with { SortOrder = index + 1 }).ToArray();
        _categories = reordered.ToImmutableDictionary(c => c.Id);
        return reordered.Select(c => c.ToView()).ToArray();
    }

    public async Task<DomainError?> Delete(Actor actor, Guid id)
    {
        if (RequireAdmin(actor) is { } refused)
        {
            return refused;
        }

        if (!_categories.ContainsKey(id))
        {
            return NotFound();
        }

        switch (await store.Delete(id))
        {
            case CategoryDeletion.Deleted:
                _categories = _categories.Remove(id);
                return null;
            case CategoryDeletion.InUse:
                return DomainError.Conflict("Tickets use this category, so it cannot be deleted; deactivate it instead.", "IN_USE");
            default:
                await Reload();
                return NotFound();
        }
    }

    private async Task<Result<CategoryView>> Save(CategoryRecord category, bool isNew)
    {
        if (!(isNew ? await store.TryInsert(category) : await store.TryUpdate(category)))
        {
            await Reload();
            return isNew || _categories.ContainsKey(category.Id) ? NameTaken(category.Name) : NotFound();
        }

        _categories = _categories.SetItem(category.Id, category);
        return category.ToView();
    }

    private async Task Reload() => _categories = (await store.LoadAll()).ToImmutableDictionary(c => c.Id);

    private bool IsNameTaken(CategoryRecord candidate) =>
        _categories.Values.Any(c => c.Id != candidate.Id && string.Equals(c.NameKey, candidate.NameKey, StringComparison.Ordinal));

    private DomainError? ValidateOrder(Guid[] ids)
    {
        var errors = new FieldErrors();
        foreach (var unknown in ids.Where(id => !_categories.ContainsKey(id)).Distinct())
        {
            errors.Add("ids", $"{unknown} is not a category.");
        }

        foreach (var repeated in ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add("ids", $"{repeated} is named more than once.");
        }

        var missing = _categories.Keys.Except(ids).Count();
        if (missing > 0)
        {
            errors.Add("ids", $"{missing} categories are left out; name every category exactly once.");
        }

        return errors.ToError();
    }

    private static DomainError? RequireAdmin(Actor actor) =>
        actor.IsAdmin ? null : DomainError.Forbidden("Only an ADMIN may manage categories.", AccessReasons.Role);

    private static DomainError NotFound() => DomainError.NotFound("Category");

    private static DomainError NameTaken(string name) => DomainError.Conflict($"A category named \"{name}\" exists already (names ignore case).");
}
