using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Preconditions;

namespace TicketPlatform.Api.Preconditions;

/// <summary>
/// <c>ETag</c>, <c>If-None-Match</c> and <c>If-Match</c> for every endpoint at once: a response carrying one resource
/// gets its strong tag (304 when a GET names it in <c>If-None-Match</c>); a write under a resource whose
/// <c>If-Match</c> no longer names it is 412 PRECONDITION_FAILED before anything runs (428 PRECONDITION_REQUIRED
/// without one when <see cref="PreconditionOptions.RequireIfMatch"/>). On a ticket the grain checks the version again
/// in the turn that commits.
/// </summary>
internal sealed class ConditionalRequests(
    RequestDelegate next, ResourceRoutes routes, ServedRepresentations served, IOptionsMonitor<PreconditionOptions> options)
{
    // Pass-throughs return the next task itself rather than awaiting it: an extra async frame on every request of
    // the hot read costs a state machine allocated and resumed per request.
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || routes.PlanFor(endpoint) is not { } plan
            || (!plan.CarriesResource && plan.ResourceRead is null))
        {
            return next(context);
        }

        return plan.ResourceRead is { } read && (context.Request.Headers.ContainsKey(HeaderNames.IfMatch) || options.CurrentValue.RequireIfMatch)
            ? CheckIfMatch(context, endpoint, plan, read)
            : Respond(context, plan, ifMatch: null);
    }

    private async Task CheckIfMatch(HttpContext context, RouteEndpoint endpoint, ConditionalPlan plan, RouteEndpoint read)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.IfMatch))
        {
            await Problems.Write(context, StatusCodes.Status428PreconditionRequired, ErrorCodes.PreconditionRequired, "If-Match is required.",
                "Send the resource's ETag in If-Match to change it.");
            return;
        }

        var ifMatch = context.Request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0)
        {
            await Problems.Write(context, StatusCodes.Status400BadRequest, ErrorCodes.Validation, "The request is not valid.",
                "If-Match must be * or a list of entity tags.", new Dictionary<string, string[]> { ["If-Match"] = ["Give * or one or more quoted entity tags."] });
            return;
        }

        var values = ResourceRoutes.ValuesFor(read, endpoint, context.Request.RouteValues);
        var current = await CurrentRepresentation.Read(context, read, values);
        if (current.Status != StatusCodes.Status200OK)
        {
            await current.SendTo(context.Response);
            return;
        }

        var tag = EntityTags.Of(current.Body, plan.ResourceIsTicket, TicketEntityTags.ViewsAsStaff(context.User));
        if (!EntityTags.AnyMatches(ifMatch, tag, strong: true))
        {
            await PreconditionFailed(context, plan, values, tag, current.Body, ifMatch);
            return;
        }

        using (plan.ResourceIsTicket && EntityTags.VersionOf(current.Body) is { } version ? ExpectedTicketVersion.Require(version) : null)
        {
            await Respond(context, plan, ifMatch);
        }
    }

    /// <summary>Runs the endpoint with its body held back, so the tag (or a 304, or a fuller 412) can still be decided.</summary>
    private Task Respond(HttpContext context, ConditionalPlan plan, IList<EntityTagHeaderValue>? ifMatch) =>
        plan.TaggedByVersion && ifMatch is null ? next(context) : RespondHeld(context, plan, ifMatch);

    private async Task RespondHeld(HttpContext context, ConditionalPlan plan, IList<EntityTagHeaderValue>? ifMatch)
    {
        var response = context.Response;
        var sent = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = sent;
        }

        if (plan.CarriesResource && !plan.TaggedByVersion && response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status201Created)
        {
            var body = held.ToArray();
            var tag = EntityTags.Of(body, plan.CarriesTicket, TicketEntityTags.ViewsAsStaff(context.User));
            response.Headers.ETag = tag.ToString();
            if (!plan.CarriesTicket)
            {
                served.Remember(tag.Tag.Value!, body);
            }

            if (HttpMethods.IsGet(context.Request.Method) && EntityTags.AnyMatches(context.Request.GetTypedHeaders().IfNoneMatch, tag, strong: false))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                response.ContentLength = null;
                return;
            }
        }
        else if (response.StatusCode == StatusCodes.Status412PreconditionFailed && ifMatch is not null && plan.ResourceRead is { } read)
        {
            // The grain found the ticket changed after the check above: answer as the check would have.
            var values = ResourceRoutes.ValuesFor(read, (RouteEndpoint)context.GetEndpoint()!, context.Request.RouteValues);
            var current = await CurrentRepresentation.Read(context, read, values);
            await PreconditionFailed(context, plan, values, EntityTags.Of(current.Body, plan.ResourceIsTicket, TicketEntityTags.ViewsAsStaff(context.User)), current.Body, ifMatch);
            return;
        }

        held.Position = 0;
        await held.CopyToAsync(sent, context.RequestAborted);
    }

    private Task PreconditionFailed(
        HttpContext context, ConditionalPlan plan, RouteValueDictionary resource, EntityTagHeaderValue current, byte[] currentBody, IList<EntityTagHeaderValue> named)
    {
        context.Response.Headers.ETag = current.ToString();
        var ticket = plan.ResourceIsTicket ? resource["number"] as string : null;
        var changed = named
            .Select(tag => served.ChangedSince(ticket is null ? tag.Tag.Value! : ServedRepresentations.TicketKey(ticket, tag.Tag.Value!), currentBody))
            .FirstOrDefault(fields => fields is not null);
        return Problems.Write(context, StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed, "The resource has changed.",
            "If-Match names a version that is no longer current; nothing was changed. Read the resource again and retry.",
            extensions: changed is null ? null : [new("changed", changed)]);
    }
}
