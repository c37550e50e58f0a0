using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Webhooks;

/// <summary>ADMIN: webhook endpoints, their secrets and their delivery log (API Part 2, "Webhooks").</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        webhooks.MapPost("", Create).WithName("CreateWebhook").WithSummary("Register an endpoint; the answer shows its signing secret, once");
        webhooks.MapGet("", List).WithName("ListWebhooks").WithSummary("The registered endpoints, newest first");
        webhooks.MapGet("/{id}", Get).WithName("GetWebhook").WithSummary("An endpoint (never its secret)");
        webhooks.MapPatch("/{id}", Edit).WithName("EditWebhook").WithSummary("Change url, description, events or includeInternal");
        webhooks.MapDelete("/{id}", Delete).WithName("DeleteWebhook").WithSummary("Remove an endpoint and its delivery log");
        webhooks.MapPost("/{id}/rotate-secret", RotateSecret).WithName("RotateWebhookSecret")
            .WithSummary("A new secret, shown once; the previous one still signs for 24 h (both signatures are sent)");
        webhooks.MapPost("/{id}/ping", Ping).WithName("PingWebhook").WithSummary("Send one signed WEBHOOK_PING now and report the answer");
        webhooks.MapGet("/{id}/deliveries", Deliveries).WithName("ListWebhookDeliveries").WithSummary("The delivery log, newest first");
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver", Redeliver).WithName("RedeliverWebhook")
            .WithSummary("Queue a delivery again, with the same webhook-id");
        return app;
    }

    private static async Task<Results<Created<WebhookView>, ProblemHttpResult>> Create(CreateWebhookRequest request, [AsParameters] CallerContext caller)
    {
        var result = await caller.Grains.GetGrain<IWebhookGrain>(Guid.CreateVersion7()).Create(
            caller.Actor, new CreateWebhook(request.Url, request.Description, request.Events, request.IncludeInternal ?? false));
        return result.IsSuccess
            ? TypedResults.Created($"/api/webhooks/{result.Value!.Id}", result.Value)
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<WebhookView>>, ProblemHttpResult>> List([AsParameters] WebhookListParameters parameters, [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var query = parameters.Read(reader);
        return reader.Error is { } invalid
            ? invalid.ToProblem()
            : (await caller.Grains.GetGrain<IWebhookListGrain>(0).List(caller.Actor, query)).ToOk();
    }

    private static Task<Results<Ok<WebhookView>, ProblemHttpResult>> Get(string id, [AsParameters] CallerContext caller) =>
        OnWebhook(caller, id, webhook => webhook.Get(caller.Actor));

    private static Task<Results<Ok<WebhookView>, ProblemHttpResult>> Edit(string id, EditWebhookRequest request, [AsParameters] CallerContext caller) =>
        OnWebhook(caller, id, webhook => webhook.Edit(caller.Actor, new EditWebhook(request.Url, request.Description, request.Events, request.IncludeInternal)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, [AsParameters] CallerContext caller) =>
        Guid.TryParse(id, out var webhookId)
            ? (await caller.Grains.GetGrain<IWebhookGrain>(webhookId).Delete(caller.Actor)).ToNoContent()
            : Problems.NotFound("Webhook");

    private static Task<Results<Ok<WebhookView>, ProblemHttpResult>> RotateSecret(string id, [AsParameters] CallerContext caller) =>
        OnWebhook(caller, id, webhook => webhook.RotateSecret(caller.Actor));

    private static Task<Results<Ok<WebhookPingResult>, ProblemHttpResult>> Ping(string id, [AsParameters] CallerContext caller) =>
        OnWebhook(caller, id, webhook => webhook.Ping(caller.Actor));

    private static async Task<Results<Ok<Page<WebhookDeliveryView>>, ProblemHttpResult>> Deliveries(
        string id, [AsParameters] WebhookListParameters parameters, [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var query = parameters.Read(reader);
        return await OnWebhook(caller, id, webhook => reader.Error is { } invalid
            ? Task.FromResult<Result<Page<WebhookDeliveryView>>>(invalid)
            : webhook.ListDeliveries(caller.Actor, query));
    }

    private static Task<Results<Ok<WebhookDeliveryView>, ProblemHttpResult>> Redeliver(string id, string deliveryId, [AsParameters] CallerContext caller) =>
        OnWebhook(caller, id, webhook => Guid.TryParse(deliveryId, out var delivery)
            ? webhook.Redeliver(caller.Actor, delivery)
            : Task.FromResult<Result<WebhookDeliveryView>>(DomainError.NotFound("Delivery")));

    /// <summary>Calls one endpoint's grain; an id that is not a UUID names no webhook.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> OnWebhook<T>(CallerContext caller, string id, Func<IWebhookGrain, Task<Result<T>>> call) =>
        Guid.TryParse(id, out var webhookId)
            ? (await call(caller.Grains.GetGrain<IWebhookGrain>(webhookId))).ToOk()
            : Problems.NotFound("Webhook");
}
