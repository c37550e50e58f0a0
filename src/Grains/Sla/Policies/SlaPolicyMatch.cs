using TicketPlatform.Tickets;

namespace TicketPlatform.Sla.Policies;

/// <summary>Which policy governs a ticket: the first active one, in the policies' order, whose match fits.</summary>
public static class SlaPolicyMatch
{
    public static SlaPolicyView? Choose(IEnumerable<SlaPolicyView> policies, TicketPriority priority, Guid? categoryId) =>
        policies
            .Where(policy => policy.Active && Fits(policy.Match, priority, categoryId))
            .OrderBy(policy => policy.SortOrder)
            .FirstOrDefault();

    /// <summary>A null list matches every value; a category list never matches a ticket without a category.</summary>
    public static bool Fits(SlaMatch match, TicketPriority priority, Guid? categoryId) =>
        (match.Priorities is null || match.Priorities.Contains(priority))
        && (match.CategoryIds is null || (categoryId is { } id && match.CategoryIds.Contains(id)));
}
