using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Categories;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Categories;

/// <summary><c>/api/categories</c>: the ticket categories, all served by the one catalog grain.</summary>
public static class CategoriesApi
{
    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/categories").WithTags("Categories");
        categories.MapGet("", ListActive).WithName("ListCategories").WithSummary("The active categories, in order");
        categories.MapGet("/all", ListAll).WithName("ListAllCategories").WithSummary("ADMIN: every category, with its ticket count")
            .RequireAuthorization(Policies.Admin);
        categories.MapGet("/{id}", Get).WithName("GetCategory").WithSummary("A category; an inactive one only for ADMIN");
        categories.MapPost("", Create).WithName("CreateCategory").WithSummary("ADMIN: add a category at the end of the order")
            .RequireAuthorization(Policies.Admin);
        categories.MapPatch("/{id}", Edit).WithName("EditCategory").WithSummary("ADMIN: change name and/or description")
            .RequireAuthorization(Policies.Admin);
        categories.MapPost("/{id}/activate", Activate).WithName("ActivateCategory").WithSummary("ADMIN: offer the category for tickets again")
            .RequireAuthorization(Policies.Admin);
        categories.MapPost("/{id}/deactivate", Deactivate).WithName("DeactivateCategory").WithSummary("ADMIN: hide the category from users and new tickets")
            .RequireAuthorization(Policies.Admin);
        categories.MapPut("/order", Reorder).WithName("ReorderCategories").WithSummary("ADMIN: the new order, naming every category once")
            .RequireAuthorization(Policies.Admin);
        categories.MapDelete("/{id}", Delete).WithName("DeleteCategory").WithSummary("ADMIN: delete a category no ticket uses")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    private static Task<Results<Ok<Page<CategoryView>>, ProblemHttpResult>> ListActive([AsParameters] PageParameters parameters, [AsParameters] CallerContext caller) =>
        Paged(parameters, page => Catalog(caller).ListActive(page));

    private static Task<Results<Ok<Page<CategoryView>>, ProblemHttpResult>> ListAll([AsParameters] PageParameters parameters, [AsParameters] CallerContext caller) =>
        Paged(parameters, page => Catalog(caller).ListAll(caller.Actor, page));

    private static async Task<Results<Ok<Page<CategoryView>>, ProblemHttpResult>> Paged(PageParameters parameters, Func<PageRequest, Task<Result<Page<CategoryView>>>> list)
    {
        var reader = new QueryReader();
        var page = parameters.ReadPage(reader);
        return reader.Error is { } invalid ? invalid.ToProblem() : (await list(page)).ToOk();
    }

    private static Task<Results<Ok<CategoryView>, ProblemHttpResult>> Get(string id, [AsParameters] CallerContext caller) =>
        OnCategory(caller, id, (catalog, categoryId) => catalog.Get(caller.Actor, categoryId));

    private static async Task<Results<Created<CategoryView>, ProblemHttpResult>> Create(CategoryRequest request, [AsParameters] CallerContext caller)
    {
        var result = await Catalog(caller).Create(caller.Actor, new CreateCategory(request.Name ?? "", request.Description));
        return result.IsSuccess
            ? TypedResults.Created($"/api/categories/{result.Value!.Id}", result.Value)
            : result.Error!.ToProblem();
    }

    private static Task<Results<Ok<CategoryView>, ProblemHttpResult>> Edit(string id, CategoryRequest request, [AsParameters] CallerContext caller) =>
        OnCategory(caller, id, (catalog, categoryId) => catalog.Edit(caller.Actor, categoryId, new EditCategory(request.Name, request.Description)));

    private static Task<Results<Ok<CategoryView>, ProblemHttpResult>> Activate(string id, [AsParameters] CallerContext caller) =>
        OnCategory(caller, id, (catalog, categoryId) => catalog.SetActive(caller.Actor, categoryId, active: true));

    private static Task<Results<Ok<CategoryView>, ProblemHttpResult>> Deactivate(string id, [AsParameters] CallerContext caller) =>
        OnCategory(caller, id, (catalog, categoryId) => catalog.SetActive(caller.Actor, categoryId, active: false));

    private static async Task<Results<Ok<Page<CategoryView>>, ProblemHttpResult>> Reorder(ReorderCategoriesRequest request, [AsParameters] CallerContext caller) =>
        request.Ids is { } ids
            ? (await Catalog(caller).Reorder(caller.Actor, new ReorderCategories(ids))).ToOk(AsList)
            : Problems.Validation("ids", "Give the ids of all categories in their new order.");

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, [AsParameters] CallerContext caller)
    {
        if (!Guid.TryParse(id, out var categoryId))
        {
            return Problems.NotFound("Category");
        }

        return await Catalog(caller).Delete(caller.Actor, categoryId) is { } refused ? refused.ToProblem() : TypedResults.NoContent();
    }

    /// <summary>The whole order, as the answer of a reorder.</summary>
    private static Page<CategoryView> AsList(CategoryView[] items) => new(items, NextCursor: null);

    /// <summary>Calls the catalog for one category; a malformed id is a category that does not exist.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> OnCategory<T>(
        CallerContext caller, string id, Func<ICategoryCatalogGrain, Guid, Task<Result<T>>> call) =>
        Guid.TryParse(id, out var categoryId)
            ? (await call(Catalog(caller), categoryId)).ToOk()
            : Problems.NotFound("Category");

    private static ICategoryCatalogGrain Catalog(CallerContext caller) => caller.Grains.GetGrain<ICategoryCatalogGrain>(0);
}
