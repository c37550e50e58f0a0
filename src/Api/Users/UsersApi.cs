using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

/// <summary><c>/api/users</c>: the local users. A malformed user id is a user that does not exist (404).</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users");
        users.MapGet("/me", Me).WithName("GetMe").WithSummary("The caller's local user");
        users.MapPatch("/me", ChangeMyName).WithName("ChangeMyName").WithSummary("Set the caller's display name; JIT sync keeps it from then on");
        users.MapGet("", List).RequireAuthorization(Policies.Admin).WithName("ListUsers").WithSummary("ADMIN: all users, filtered by role, active, q");
        users.MapGet("/agents", Agents).RequireAuthorization(Policies.Staff).WithName("ListAgents").WithSummary("Staff: the active AGENTs and ADMINs");
        users.MapGet("/search", Search).WithName("SearchUsers").WithSummary("Active users whose name or email contains q: id, name, email");
        users.MapGet("/{id}", Get).RequireAuthorization(Policies.Staff).WithName("GetUser").WithSummary("ADMIN: the user; AGENT: only its id, name, email and role");
        users.MapPatch("/{id}/role", ChangeRole).RequireAuthorization(Policies.Admin).WithName("ChangeUserRole").WithSummary("ADMIN: change the local role; never the last active ADMIN");
        users.MapPost("/{id}/activate", Activate).RequireAuthorization(Policies.Admin).WithName("ActivateUser").WithSummary("ADMIN: let the user in again");
        users.MapPost("/{id}/deactivate", Deactivate).RequireAuthorization(Policies.Admin).WithName("DeactivateUser").WithSummary("ADMIN: shut the user out; not yourself, never the last active ADMIN");
        return app;
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Me([AsParameters] CallerContext caller) =>
        await caller.Grains.GetGrain<IUserGrain>(caller.Subject).Get() is { } user ? TypedResults.Ok(user) : Problems.NotFound("User");

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeMyName(ChangeNameRequest request, [AsParameters] CallerContext caller) =>
        (await caller.Grains.GetGrain<IUserGrain>(caller.Subject).ChangeName(new ChangeUserName(request.Name))).ToOk();

    private static Task<Results<Ok<Page<UserView>>, ProblemHttpResult>> List(
        [AsParameters] UserPageParameters page, [AsParameters] UserFilterParameters filters, [AsParameters] CallerContext caller) =>
        Query(caller, reader => filters.Apply(reader, page.Read(reader)));

    private static Task<Results<Ok<Page<UserView>>, ProblemHttpResult>> Agents([AsParameters] UserPageParameters page, [AsParameters] CallerContext caller) =>
        Query(caller, reader => page.Read(reader) with { StaffOnly = true, Active = true });

    private static async Task<Results<Ok<Page<UserSummary>>, ProblemHttpResult>> Search([AsParameters] UserPageParameters page, [AsParameters] CallerContext caller)
    {
        var found = await Query(caller, reader => page.ReadSearch(reader) with { Active = true });
        return found.Result is Ok<Page<UserView>> { Value: { } users }
            ? TypedResults.Ok(new Page<UserSummary>([.. users.Items.Select(UserSummary.From)], users.NextCursor, users.Total))
            : (ProblemHttpResult)found.Result;
    }

    private static async Task<Results<Ok<StaffUserView>, Ok<UserView>, ProblemHttpResult>> Get(string id, [AsParameters] CallerContext caller)
    {
        var found = await Find(caller, id);
        if (found.Value is not { } user)
        {
            return found.Error!.ToProblem();
        }

        return caller.Actor.IsAdmin ? TypedResults.Ok(user) : TypedResults.Ok(StaffUserView.From(user));
    }

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeRole(string id, ChangeRoleRequest request, [AsParameters] CallerContext caller) =>
        request.Role is { } role
            ? OnUser(caller, id, (user, actor) => user.ChangeRole(actor, new ChangeUserRole(role)))
            : Task.FromResult<Results<Ok<UserView>, ProblemHttpResult>>(Problems.Validation("role", "Give the role."));

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> Activate(string id, [AsParameters] CallerContext caller) =>
        OnUser(caller, id, (user, actor) => user.Activate(actor));

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> Deactivate(string id, [AsParameters] CallerContext caller) =>
        OnUser(caller, id, (user, actor) => user.Deactivate(actor));

    private static async Task<Results<Ok<Page<UserView>>, ProblemHttpResult>> Query(CallerContext caller, Func<QueryReader, UserListQuery> read)
    {
        var reader = new QueryReader();
        var query = read(reader);
        if (reader.Error is { } invalid)
        {
            return invalid.ToProblem();
        }

        return (await caller.Grains.GetGrain<IUserQueryGrain>(0).List(caller.Actor, query)).ToOk();
    }

    private static async Task<Result<UserView>> Find(CallerContext caller, string id) =>
        Guid.TryParse(id, out var userId)
            ? await caller.Grains.GetGrain<IUserQueryGrain>(0).Find(caller.Actor, userId)
            : DomainError.NotFound("User");

    /// <summary>Finds the user's subject by id, then calls the user's grain: the one writer of its row.</summary>
    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> OnUser(CallerContext caller, string id, Func<IUserGrain, Actor, Task<Result<UserView>>> call) =>
        await Find(caller, id) is { Value: { } user }
            ? (await call(caller.Grains.GetGrain<IUserGrain>(user.Subject), caller.Actor)).ToOk()
            : Problems.NotFound("User");
}
