using TicketPlatform.Common;

namespace TicketPlatform.Users;

/// <summary>One user, keyed by the external subject. Holds the local role and active flag in memory.</summary>
[Alias("tp.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user on first sight, syncs email and name afterwards; returns the local view.</summary>
    [Alias("SyncFromToken")]
    Task<UserView> SyncFromToken(TokenIdentity identity);

    [Alias("Get")]
    Task<UserView?> Get();

    /// <summary>The user's own display name; from then on JIT sync keeps it.</summary>
    [Alias("ChangeName")]
    Task<Result<UserView>> ChangeName(ChangeUserName command);

    /// <summary>ADMIN: never leaves the service without an active ADMIN.</summary>
    [Alias("ChangeRole")]
    Task<Result<UserView>> ChangeRole(Actor actor, ChangeUserRole command);

    [Alias("Activate")]
    Task<Result<UserView>> Activate(Actor actor);

    /// <summary>ADMIN, not on themselves; never the last active ADMIN.</summary>
    [Alias("Deactivate")]
    Task<Result<UserView>> Deactivate(Actor actor);
}
