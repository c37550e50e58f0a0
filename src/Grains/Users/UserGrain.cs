using Microsoft.Extensions.Options;
using TicketPlatform.Common;
using TicketPlatform.Realtime;

namespace TicketPlatform.Users;

/// <summary>
/// One user, keyed by the external subject. The local role and active flag live here in memory, so the
/// per-request check costs no database query; every change is written before memory is updated.
/// </summary>
internal sealed class UserGrain(UserStore store, IOptions<UserOptions> options, Clock clock) : Grain, IUserGrain
{
    private const int MaxNameLength = 100;

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
            await SaveProfile(_user with { Name = name, Email = email });
        }

        return _user.ToView();
    }

    public async Task<Result<UserView>> ChangeName(ChangeUserName command)
    {
        if (_user is null)
        {
            return DomainError.NotFound("User");
        }

        if (new FieldErrors().Text("name", command.Name, 1, MaxNameLength).ToError() is { } invalid)
        {
            return invalid;
        }

        await SaveProfile(_user with { Name = command.Name!.Trim(), NameSetByUser = true });
        return _user.ToView();
    }

    public Task<Result<UserView>> ChangeRole(Actor actor, ChangeUserRole command) =>
        ChangeAccess(actor, user => user with { Role = command.Role });

    public Task<Result<UserView>> Activate(Actor actor) => ChangeAccess(actor, user => user with { Active = true });

    public Task<Result<UserView>> Deactivate(Actor actor) => ChangeAccess(actor, user => user with { Active = false }, refuseSelf: true);

    private async Task<Result<UserView>> ChangeAccess(Actor actor, Func<UserRecord, UserRecord> change, bool refuseSelf = false)
    {
        if (!actor.IsAdmin)
        {
            return DomainError.Forbidden("Only an ADMIN may change a user's role or activation.");
        }

        if (_user is null)
        {
            return DomainError.NotFound("User");
        }

        if (refuseSelf && _user.Id == actor.UserId)
        {
            return DomainError.Conflict("You cannot deactivate yourself.", UserReasons.Self);
        }

        var changed = change(_user);
        if (changed == _user)
        {
            return _user.ToView();
        }

        changed = changed with { UpdatedAt = clock.Now() };
        if (!await store.TryChangeAccess(changed))
        {
            return DomainError.Conflict("The service must keep at least one active ADMIN.", UserReasons.LastAdmin);
        }

        _user = changed;
        await GrainFactory.GetGrain<IUserAccessFeedGrain>(0).Changed(_user.ToView());
        return _user.ToView();
    }

    private async Task SaveProfile(UserRecord profile)
    {
        var saved = profile with { UpdatedAt = clock.Now() };
        await store.UpdateProfile(saved);
        _user = saved;
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
