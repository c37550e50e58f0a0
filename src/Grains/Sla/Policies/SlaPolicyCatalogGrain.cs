using System.Collections.Immutable;
using System.Globalization;
using TicketPlatform.Categories;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Sla.Policies;

/// <summary>
/// Owns every SLA policy. All rows are loaded on activation and reads are served from memory; each change is
/// committed in one transaction before memory is updated, and a refused write reloads the rows.
/// </summary>
internal sealed class SlaPolicyCatalogGrain(SlaPolicyStore store, Clock clock) : Grain, ISlaPolicyCatalogGrain
{
    private ImmutableDictionary<Guid, SlaPolicyRecord> _policies = ImmutableDictionary<Guid, SlaPolicyRecord>.Empty;

    private IEnumerable<SlaPolicyRecord> Ordered => _policies.Values.OrderBy(p => p.View.SortOrder).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Reload();

    public Task<Result<Page<SlaPolicyView>>> List(Actor actor, PageRequest page) => Task.FromResult(
        RequireStaff(actor) is { } refused ? refused : Paging.InMemory(Ordered.Select(p => p.View), page, PageKey));

    public Task<Result<SlaPolicyView>> Get(Actor actor, Guid id)
    {
        Result<SlaPolicyView> result = RequireStaff(actor) is { } refused ? refused
            : _policies.TryGetValue(id, out var policy) ? policy.View
            : NotFound();
        return Task.FromResult(result);
    }

    public Task<SlaPolicyView?> Choose(TicketPriority priority, Guid? categoryId) =>
        Task.FromResult(SlaPolicyMatch.Choose(Ordered.Select(p => p.View), priority, categoryId));

    public async Task<Result<SlaPolicyView>> Create(Actor actor, CreateSlaPolicy command)
    {
        if (RequireAdmin(actor) is { } refused)
        {
            return refused;
        }

        var id = Guid.NewGuid();
        var nextSortOrder = _policies.IsEmpty ? 1 : _policies.Values.Max(p => p.View.SortOrder) + 1;
        var view = new SlaPolicyView(
            id,
            command.Name?.Trim() ?? "",
            command.Match ?? new SlaMatch(null, null),
            command.Targets ?? new SlaTargets(null, null, null),
            Normalised(command.Calendar ?? SlaCalendar.AroundTheClock()),
            command.PauseOn is { } pauseOn ? [.. pauseOn.Distinct()] : [.. SlaPolicyDefaults.PauseOn],
            command.WarnAt ?? SlaPolicyDefaults.WarnAt,
            command.Active ?? true,
            nextSortOrder);
        if (await Validate(view) is { } invalid)
        {
            return invalid;
        }

        var policy = new SlaPolicyRecord(id, view, clock.Now());
        if (!await store.TryInsert(policy))
        {
            await Reload();
            return DomainError.Conflict("The policy could not be stored; try again.");
        }

        _policies = _policies.SetItem(id, policy);
        return view;
    }

    public async Task<Result<SlaPolicyView>> Edit(Actor actor, Guid id, EditSlaPolicy command)
    {
        if (RequireAdmin(actor) is { } refused)
        {
            return refused;
        }

        if (!_policies.TryGetValue(id, out var before))
        {
            return NotFound();
        }

        var view = before.View with
        {
            Name = command.Name?.Trim() ?? before.View.Name,
            Match = command.Match ?? before.View.Match,
            Targets = command.Targets ?? before.View.Targets,
            Calendar = command.Calendar is { } calendar ? Normalised(calendar) : before.View.Calendar,
            PauseOn = command.PauseOn is { } pauseOn ? [.. pauseOn.Distinct()] : before.View.PauseOn,
            WarnAt = command.WarnAt ?? before.View.WarnAt,
            Active = command.Active ?? before.View.Active,
        };
        if (await Validate(view) is { } invalid)
        {
            return invalid;
        }

        var after = before with { View = view };
        if (!await store.TryUpdate(after))
        {
            await Reload();
            return NotFound();
        }

        _policies = _policies.SetItem(id, after);
        return view;
    }

    public async Task<Result<SlaPolicyView[]>> Reorder(Actor actor, ReorderSlaPolicies command)
    {
        if ((RequireAdmin(actor) ?? ValidateOrder(command.Ids)) is { } refused)
        {
            return refused;
        }

        if (!await store.TryReorder(command.Ids))
        {
            await Reload();
            return DomainError.Conflict("The policies changed meanwhile; read them again and name every one.");
        }

        var reordered = command.Ids.Select((id, index) => _policies[id] with { View = _policies[id].View with { SortOrder = index + 1 } }).ToArray();
        _policies = reordered.ToImmutableDictionary(p => p.Id);
        return reordered.Select(p => p.View).ToArray();
    }

    public async Task<DomainError?> Delete(Actor actor, Guid id)
    {
        if (RequireAdmin(actor) is { } refused)
        {
            return refused;
        }

        if (!_policies.ContainsKey(id) || !await store.Delete(id))
        {
            await Reload();
            return NotFound();
        }

        _policies = _policies.Remove(id);
        return null;
    }

    /// <summary>Checks the whole policy; category ids are asked of the category catalog (inactive ones count: old tickets use them).</summary>
    private async Task<DomainError?> Validate(SlaPolicyView view)
    {
        var known = new HashSet<Guid>();
        var categories = GrainFactory.GetGrain<ICategoryCatalogGrain>(0);
        foreach (var id in (view.Match.CategoryIds ?? []).Distinct())
        {
            if ((await categories.Get(SystemAdmin, id)).IsSuccess)
            {
                known.Add(id);
            }
        }

        return SlaPolicyRules.Validate(view, known.Contains);
    }

    /// <summary>Holidays in order, once each; an absent list is no holidays.</summary>
    private static SlaCalendar Normalised(SlaCalendar calendar) =>
        calendar with { Holidays = [.. (calendar.Holidays ?? []).Distinct().Order()] };

    private async Task Reload() => _policies = (await store.LoadAll()).ToImmutableDictionary(p => p.Id);

    private DomainError? ValidateOrder(Guid[] ids)
    {
        var errors = new FieldErrors();
        foreach (var unknown in ids.Where(id => !_policies.ContainsKey(id)).Distinct())
        {
            errors.Add("ids", $"{unknown} is not a policy.");
        }

        foreach (var repeated in ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add("ids", $"{repeated} is named more than once.");
        }

        var missing = _policies.Keys.Except(ids).Count();
        if (missing > 0)
        {
            errors.Add("ids", $"{missing} policies are left out; name every policy exactly once.");
        }

        return errors.ToError();
    }

    private static string[] PageKey(SlaPolicyView policy) =>
        [policy.SortOrder.ToString("D10", CultureInfo.InvariantCulture), policy.Id.ToString()];

    /// <summary>The catalog's own look at categories: an ADMIN's view, inactive ones included.</summary>
    private static readonly Actor SystemAdmin = new(Guid.Empty, Users.UserRole.Admin);

    private static DomainError? RequireStaff(Actor actor) =>
        actor.IsStaff ? null : DomainError.Forbidden("Only staff may read SLA policies.", AccessReasons.Role);

    private static DomainError? RequireAdmin(Actor actor) =>
        actor.IsAdmin ? null : DomainError.Forbidden("Only an ADMIN may manage SLA policies.", AccessReasons.Role);

    private static DomainError NotFound() => DomainError.NotFound("SLA policy");
}
