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
}
