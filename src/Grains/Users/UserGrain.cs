using Microsoft.Extensions.Options;
using TicketPlatform.Common;

namespace TicketPlatform.Users;

/// <summary>
/// One user, keyed by the external subject. The local role and active flag live here in memory, so the
/// per-request check costs no database query; every change is written before memory is updated.
/// </summary>
internal sealed class UserGrain(UserStore store, IOptions<UserOptions> options, Clock clock) : Grain, IUserGrain
{
    private UserRecord? _user;

    private string Subject => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _user = await store.FindBySubject(Subject);

    public Task<UserView?> Get() => Task.FromResult(_user?.ToView());

    public async Task<UserView> SyncFromToken(TokenIdentity identity)
    {
        if (_user is null)
        {
            await Create(identity);
            return _user!.ToView();
        }

        var name = _user.NameSetByUser ? _user.Name : identity.Name ?? _user.Name;
        var email = identity.Email ?? _user.Email;
        if (name != _user.Name || email != _user.Email)
        {
            var synced = _user with { Name = name, Email = email, UpdatedAt = clock.Now() };
            await store.Update(synced);
            _user = synced;
        }

        return _user.ToView();
    }

    private async Task Create(TokenIdentity identity)
    {
        var now = clock.Now();
        var seeded = string.Equals(identity.ClaimedRole, "ADMIN", StringComparison.OrdinalIgnoreCase)
                     || options.Value.BootstrapAdmins.Contains(Subject, StringComparer.Ordinal)
            ? UserRole.Admin
            : UserRole.User;
        var user = new UserRecord(Guid.NewGuid(), Subject, identity.Email, identity.Name, NameSetByUser: false, seeded, Active: true, now, now);

        // A concurrent activation elsewhere may have created the row first: theirs wins, ours is dropped.
        _user = await store.TryInsert(user) ? user : await store.FindBySubject(Subject);
    }
}
