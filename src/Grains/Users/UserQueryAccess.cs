using TicketPlatform.Common;

namespace TicketPlatform.Users;

/// <summary>
/// Who may read which users, checked by the query grain itself whatever the edge already checked: an ADMIN reads
/// any user and any list; staff read one user and the active staff; anyone searches active users by text.
/// </summary>
internal static class UserQueryAccess
{
    public static DomainError? CheckFind(Actor actor) =>
        actor.IsStaff ? null : DomainError.Forbidden("Only staff may read a user.");

    public static DomainError? CheckList(Actor actor, UserListQuery query)
    {
        if (actor.IsAdmin)
        {
            return null;
        }

        var activeStaffList = query.StaffOnly && actor.IsStaff;
        var activeSearch = (query.Text?.Trim().Length ?? 0) >= UserListQuery.MinSearchLength;
        return query.Active == true && query.Role is null && (activeStaffList || activeSearch)
            ? null
            : DomainError.Forbidden("Only an ADMIN may list users.");
    }
}
