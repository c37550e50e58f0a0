using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Api.Preconditions;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tickets;

/// <summary><c>/api/tickets</c>: tickets and their lifecycle.</summary>
public static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets").WithTicketEntityTags();
        tickets.MapPost("", Create).WithName("CreateTicket").WithSummary("Open a ticket");
        tickets.MapGet("", List).WithName("ListTickets").WithSummary("The tickets visible to the caller");
        tickets.MapGet("/assigned", Assigned).WithName("ListAssignedTickets").WithSummary("Staff: tickets assigned to me")
            .RequireAuthorization(Policies.Staff);
        tickets.MapGet("/unassigned", Unassigned).WithName("ListUnassignedTickets").WithSummary("Staff: the unassigned queue")
            .RequireAuthorization(Policies.Staff);
        tickets.MapGet("/stats", Stats).WithName("GetTicketStats").WithSummary("Counts by status and priority within the caller's scope");
        tickets.MapGet("/{number}", Get).WithName("GetTicket").WithSummary("A ticket with its participants");
        tickets.MapGet("/{number}/permissions", GetPermissions).WithName("GetTicketPermissions").WithSummary("The caller's rights on a ticket, with reasons");
        tickets.MapPatch("/{number}", Edit).WithName("EditTicket").WithSummary("Change title and/or description");
        tickets.MapPatch("/{number}/status", ChangeStatus).WithName("ChangeTicketStatus").WithSummary("Move the ticket through its lifecycle");
        tickets.MapPost("/{number}/reopen", Reopen).WithName("ReopenTicket").WithSummary("Staff: reopen a RESOLVED or CLOSED ticket");
        tickets.MapPatch("/{number}/priority", ChangePriority).WithName("ChangeTicketPriority").WithSummary("Change the priority");
        tickets.MapPatch("/{number}/category", ChangeCategory).WithName("ChangeTicketCategory").WithSummary("Change the category (an active one, or null)");
        tickets.MapPatch("/{number}/assignee", Assign).WithName("AssignTicket").WithSummary("Staff: assign to an active AGENT or ADMIN");
        tickets.MapPost("/{number}/claim", Claim).WithName("ClaimTicket").WithSummary("Staff: assign to me");
        tickets.MapDelete("/{number}/assignee", Unassign).WithName("UnassignTicket").WithSummary("Staff: unassign");
        tickets.MapPatch("/{number}/locks", ChangeLocks).WithName("ChangeTicketLocks").WithSummary("Lock or unlock priority, category (staff) and assignment (ADMIN)");
        tickets.MapDelete("/{number}", Archive).WithName("ArchiveTicket").WithSummary("ADMIN: archive (soft; hidden from lists)");
        tickets.MapPost("/{number}/restore", Restore).WithName("RestoreTicket").WithSummary("ADMIN: restore an archived ticket");
        return app;
    }

    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> Create(CreateTicketRequest request, [AsParameters] CallerContext caller)
    {
        var command = new OpenTicket(request.Title ?? "", request.Description ?? "", request.Priority ?? TicketPriority.Medium, request.CategoryId);
        if (TicketRules.Validate(command) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var result = await caller.Grains.GetGrain<ITicketIntakeGrain>(0).Open(caller.Actor, command);
        return result.IsSuccess
            ? TypedResults.Created($"/api/tickets/{result.Value!.Number}", result.Value)
            : result.Error!.ToProblem();
    }

    private static Task<Results<Ok<Page<TicketView>>, ProblemHttpResult>> List([AsParameters] TicketListParameters parameters, [AsParameters] CallerContext caller) =>
        ListScoped(parameters, caller, query => query);

    private static async Task<Results<Ok<Page<TicketView>>, ProblemHttpResult>> ListScoped(TicketListParameters parameters, CallerContext caller, Func<TicketListQuery, TicketListQuery> scope)
    {
        var reader = new QueryReader();
        var query = scope(parameters.Read(reader));
        if (reader.Error is { } invalid)
        {
            return invalid.ToProblem();
        }

        return (await caller.Grains.GetGrain<ITicketQueryGrain>(0).List(caller.Actor, query)).ToOk();
    }

    private static Task<Results<Ok<Page<TicketView>>, ProblemHttpResult>> Assigned([AsParameters] TicketListParameters parameters, [AsParameters] CallerContext caller) =>
        ListScoped(parameters, caller, query => query with { AssigneeId = caller.Actor.UserId });

    private static Task<Results<Ok<Page<TicketView>>, ProblemHttpResult>> Unassigned([AsParameters] TicketListParameters parameters, [AsParameters] CallerContext caller) =>
        ListScoped(parameters, caller, query => query with { OnlyUnassigned = true });

    private static async Task<Results<Ok<TicketStats>, ProblemHttpResult>> Stats([FromQuery] string? archived, [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var includeArchived = reader.Flag("archived", archived);
        return reader.Error is { } invalid
            ? invalid.ToProblem()
            : (await caller.Grains.GetGrain<ITicketQueryGrain>(0).Stats(caller.Actor, includeArchived)).ToOk();
    }

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> Get(string number, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.Get(actor));

    private static async Task<Results<Ok<PermissionsResponse>, ProblemHttpResult>> GetPermissions(string number, [AsParameters] CallerContext caller)
    {
        var result = await caller.OnTicket<ITicketGrain, TicketPermissions>(number, (ticket, actor) => ticket.GetPermissions(actor));
        return result.ToOk(permissions => new PermissionsResponse(
            permissions.Rights.OrderBy(r => r.Key).ToDictionary(r => JsonNamingPolicy.CamelCase.ConvertName(r.Key.ToString()), r => r.Value)));
    }

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> Edit(string number, EditTicketRequest request, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.Edit(actor, new EditTicket(request.Title, request.Description)));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> ChangeStatus(string number, ChangeStatusRequest request, [AsParameters] CallerContext caller) =>
        request.Status is { } status
            ? OnTicket(caller, number, (ticket, actor) => ticket.ChangeStatus(actor, new ChangeStatus(status, request.Reason)))
            : Task.FromResult<Results<Ok<TicketView>, ProblemHttpResult>>(Problems.Validation("status", "Give the target status."));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> Reopen(string number, [FromBody] ReopenTicketRequest? request, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.Reopen(actor, new ReopenTicket(request?.Reason)));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> ChangePriority(string number, ChangePriorityRequest request, [AsParameters] CallerContext caller) =>
        request.Priority is { } priority
            ? OnTicket(caller, number, (ticket, actor) => ticket.ChangePriority(actor, new ChangePriority(priority)))
            : Task.FromResult<Results<Ok<TicketView>, ProblemHttpResult>>(Problems.Validation("priority", "Give the priority."));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> ChangeCategory(string number, ChangeCategoryRequest request, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.ChangeCategory(actor, new ChangeCategory(request.CategoryId)));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> Assign(string number, AssignRequest request, [AsParameters] CallerContext caller) =>
        request.AssigneeId is { } assigneeId
            ? OnTicket(caller, number, (ticket, actor) => ticket.Assign(actor, new AssignTicket(assigneeId)))
            : Task.FromResult<Results<Ok<TicketView>, ProblemHttpResult>>(Problems.Validation("assigneeId", "Give the assignee's id."));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> Claim(string number, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.Claim(actor));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> Unassign(string number, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.Unassign(actor));

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> ChangeLocks(string number, ChangeLocksRequest request, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.ChangeLocks(actor, new ChangeLocks(request.PriorityLocked, request.CategoryLocked, request.AssignmentLocked)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Archive(string number, [AsParameters] CallerContext caller) =>
        (await OnTicket(caller, number, (ticket, actor) => ticket.Archive(actor))).Result is ProblemHttpResult problem ? problem : TypedResults.NoContent();

    private static Task<Results<Ok<TicketView>, ProblemHttpResult>> Restore(string number, [AsParameters] CallerContext caller) =>
        OnTicket(caller, number, (ticket, actor) => ticket.Restore(actor));

    internal static async Task<Results<Ok<T>, ProblemHttpResult>> OnTicket<T>(CallerContext caller, string number, Func<ITicketGrain, Actor, Task<Result<T>>> call) =>
        (await caller.OnTicket(number, call)).ToOk();
}
