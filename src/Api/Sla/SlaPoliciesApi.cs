using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Sla;

namespace TicketPlatform.Api.Sla;

/// <summary><c>/api/sla/policies</c>: the SLA policies, staff read and ADMIN write, all served by the one policy catalog grain.</summary>
public static class SlaPoliciesApi
{
    public static IEndpointRouteBuilder MapSlaPoliciesApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/sla/policies").WithTags("SLA").RequireAuthorization(Policies.Staff);
        policies.MapGet("", List).WithName("ListSlaPolicies").WithSummary("Staff: the SLA policies, in the order they are tried");
        policies.MapPost("", Create).WithName("CreateSlaPolicy").WithSummary("ADMIN: add a policy at the end of the order")
            .RequireAuthorization(Policies.Admin);
        policies.MapGet("/{id}", Get).WithName("GetSlaPolicy").WithSummary("Staff: one SLA policy");
        policies.MapPatch("/{id}", Edit).WithName("EditSlaPolicy").WithSummary("ADMIN: change a policy; a given object replaces the whole object")
            .RequireAuthorization(Policies.Admin);
        policies.MapDelete("/{id}", Delete).WithName("DeleteSlaPolicy").WithSummary("ADMIN: delete a policy; tickets keep the clocks it gave them")
            .RequireAuthorization(Policies.Admin);
        policies.MapPut("/order", Reorder).WithName("ReorderSlaPolicies").WithSummary("ADMIN: the new order, naming every policy once")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<Ok<Page<SlaPolicyView>>, ProblemHttpResult>> List([AsParameters] PageParameters parameters, [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var page = parameters.ReadPage(reader);
        return reader.Error is { } invalid ? invalid.ToProblem() : (await Catalog(caller).List(caller.Actor, page)).ToOk();
    }

    private static Task<Results<Ok<SlaPolicyView>, ProblemHttpResult>> Get(string id, [AsParameters] CallerContext caller) =>
        OnPolicy(caller, id, (catalog, policyId) => catalog.Get(caller.Actor, policyId));

    private static async Task<Results<Created<SlaPolicyView>, ProblemHttpResult>> Create(SlaPolicyRequest request, [AsParameters] CallerContext caller)
    {
        var command = new CreateSlaPolicy(request.Name ?? "", request.Match, request.Targets, request.Calendar, request.PauseOn, request.WarnAt, request.Active);
        var result = await Catalog(caller).Create(caller.Actor, command);
        return result.IsSuccess
            ? TypedResults.Created($"/api/sla/policies/{result.Value!.Id}", result.Value)
            : result.Error!.ToProblem();
    }

    private static Task<Results<Ok<SlaPolicyView>, ProblemHttpResult>> Edit(string id, SlaPolicyRequest request, [AsParameters] CallerContext caller) =>
        OnPolicy(caller, id, (catalog, policyId) => catalog.Edit(
            caller.Actor, policyId, new EditSlaPolicy(request.Name, request.Match, request.Targets, request.Calendar, request.PauseOn, request.WarnAt, request.Active)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, [AsParameters] CallerContext caller) =>
        Guid.TryParse(id, out var policyId)
            ? await Catalog(caller).Delete(caller.Actor, policyId) is { } refused ? refused.ToProblem() : TypedResults.NoContent()
            : Problems.NotFound("SLA policy");

    private static async Task<Results<Ok<Page<SlaPolicyView>>, ProblemHttpResult>> Reorder(ReorderSlaPoliciesRequest request, [AsParameters] CallerContext caller) =>
        request.Ids is { } ids
            ? (await Catalog(caller).Reorder(caller.Actor, new ReorderSlaPolicies(ids))).ToOk(items => new Page<SlaPolicyView>(items, NextCursor: null))
            : Problems.Validation("ids", "Give the ids of all policies in their new order.");

    /// <summary>Calls the catalog for one policy; a malformed id is a policy that does not exist.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> OnPolicy<T>(
        CallerContext caller, string id, Func<ISlaPolicyCatalogGrain, Guid, Task<Result<T>>> call) =>
        Guid.TryParse(id, out var policyId)
            ? (await call(Catalog(caller), policyId)).ToOk()
            : Problems.NotFound("SLA policy");

    private static ISlaPolicyCatalogGrain Catalog(CallerContext caller) => caller.Grains.GetGrain<ISlaPolicyCatalogGrain>(0);
}
