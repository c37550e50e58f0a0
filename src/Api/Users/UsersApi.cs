using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

/// <summary>Endpoints 53–61 of the contract: the local users.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users");
        users.MapGet("/me", Me).WithName("GetMe").WithSummary("The caller's local user");
        return app;
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Me([AsParameters] CallerContext caller) =>
        await caller.Grains.GetGrain<IUserGrain>(caller.Subject).Get() is { } user ? TypedResults.Ok(user) : Problems.NotFound("User");
}
