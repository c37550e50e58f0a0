using TicketPlatform.Categories;
using TicketPlatform.Common;
using TicketPlatform.Events;

namespace TicketPlatform.Tickets;

/// <summary>Category and locks.</summary>
internal sealed partial class TicketGrain
{
    public async Task<Result<TicketView>> ChangeCategory(Actor actor, ChangeCategory command)
    {
        var invalid = command.CategoryId is { } id && !await CategoryIsActive(id)
            ? DomainError.Validation("categoryId", "No active category has this id.")
            : null;
        return await Execute(actor, invalid, change =>
        {
            if (Refuse(change, TicketRight.ChangeCategory) is { } refused)
            {
                return refused;
            }

            var from = change.Before.CategoryId;
            if (from == command.CategoryId)
            {
                return null;
            }

            change.EnrolActingStaff();
            change.Apply(t => t with { CategoryId = command.CategoryId });
            change.Record(TicketEventType.CategoryChanged, new Change<Guid?>(from, command.CategoryId));
            return null;
        });
    }

    private Task<bool> CategoryIsActive(Guid id) => GrainFactory.GetGrain<ICategoryCatalogGrain>(0).IsActive(id);

    public Task<Result<TicketView>> ChangeLocks(Actor actor, ChangeLocks command)
    {
        var invalid = command is { PriorityLocked: null, CategoryLocked: null, AssignmentLocked: null }
            ? DomainError.Validation("priorityLocked", "Give at least one of priorityLocked, categoryLocked, assignmentLocked.")
            : null;
        return Execute(actor, invalid, change =>
        {
            var before = change.Before;
            var toggles = new (bool? Wanted, bool Current, TicketRight Right, TicketEventType Locked, TicketEventType Unlocked, Func<TicketState, bool, TicketState> Set)[]
            {
                (command.PriorityLocked, before.PriorityLocked, TicketRight.LockPriority, TicketEventType.PriorityLocked, TicketEventType.PriorityUnlocked, (t, v) => t with { PriorityLocked = v }),
                (command.CategoryLocked, before.CategoryLocked, TicketRight.LockCategory, TicketEventType.CategoryLocked, TicketEventType.CategoryUnlocked, (t, v) => t with { CategoryLocked = v }),
                (command.AssignmentLocked, before.AssignmentLocked, TicketRight.LockAssignment, TicketEventType.AssignmentLocked, TicketEventType.AssignmentUnlocked, (t, v) => t with { AssignmentLocked = v }),
            };

            foreach (var toggle in toggles.Where(t => t.Wanted is not null))
            {
                if (Refuse(change, toggle.Right) is { } refused)
                {
                    return refused;
                }
            }

            foreach (var toggle in toggles.Where(t => t.Wanted is { } wanted && wanted != t.Current))
            {
                change.EnrolActingStaff();
                var locked = toggle.Wanted!.Value;
                change.Apply(t => toggle.Set(t, locked));
                change.Record(locked ? toggle.Locked : toggle.Unlocked, new { });
            }

            return null;
        });
    }
}
