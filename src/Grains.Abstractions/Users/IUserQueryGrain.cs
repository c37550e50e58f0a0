using TicketPlatform.Common;

namespace TicketPlatform.Users;

/// <summary>Read-only user lookups and lists over the relational schema; each checks what the actor may read.</summary>
[Alias("tp.IUserQueryGrain")]
public interface IUserQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Staff only: the committed user with this id (NOT_FOUND if none); its subject is the key of the user's grain.</summary>
    [Alias("Find")]
    Task<Result<UserView>> Find(Actor actor, Guid id);

    /// <summary>ADMIN: any list; staff: the active staff; anyone: active users matching a text of two characters or more.</summary>
    [Alias("List")]
    Task<Result<Page<UserView>>> List(Actor actor, UserListQuery query);
}
