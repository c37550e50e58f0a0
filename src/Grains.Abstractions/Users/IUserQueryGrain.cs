using TicketPlatform.Common;

namespace TicketPlatform.Users;

/// <summary>Read-only user lookups and lists over the relational schema.</summary>
[Alias("tp.IUserQueryGrain")]
public interface IUserQueryGrain : IGrainWithIntegerKey
{
    /// <summary>The committed user with this id, or null; its subject is the key of the user's grain.</summary>
    [Alias("Find")]
    Task<UserView?> Find(Guid id);

    [Alias("List")]
    Task<Result<Page<UserView>>> List(UserListQuery query);
}
