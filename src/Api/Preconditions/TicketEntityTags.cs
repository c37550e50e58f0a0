using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using TicketPlatform.Api.Auth;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Preconditions;

/// <summary>
/// Tags a ticket answer from the view the endpoint returned, before anything is written: no buffering, no hashing,
/// no parsing on the hottest read. A 200 is answered with the body <see cref="ServedRepresentations"/> keeps for that
/// tag, so a version read again is not serialised again. <see cref="ConditionalRequests"/> leaves the endpoints marked
/// by this alone, except for a write with <c>If-Match</c> (which it still buffers, to answer a late 412 in full).
/// </summary>
public static class TicketEntityTags
{
    public static TBuilder WithTicketEntityTags<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(TaggedByVersion.Instance).AddEndpointFilter(Tag);

    /// <summary>Whether the caller reads tickets as staff do (the grain decides the same way from the same role).</summary>
    internal static bool ViewsAsStaff(ClaimsPrincipal user) => user.HasLocalRole(UserRole.Agent, UserRole.Admin);

    private static async ValueTask<object?> Tag(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is not IValueHttpResult { Value: TicketView view })
        {
            return result;
        }

        var http = invocation.HttpContext;
        var tag = EntityTags.OfTicket(view.Version, ViewsAsStaff(http.User));
        http.Response.Headers.ETag = tag.ToString();
        var body = http.RequestServices.GetRequiredService<ServedRepresentations>().TicketBody(tag.Tag.Value!, view);
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.IfNoneMatch.Count > 0 && EntityTags.AnyMatches(http.Request.GetTypedHeaders().IfNoneMatch, tag, strong: false))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return answer is Ok<TicketView> ? new Utf8JsonBody(body) : result;
    }
}

/// <summary>Endpoint metadata: this endpoint's ticket answers are tagged by <see cref="TicketEntityTags"/>.</summary>
internal sealed class TaggedByVersion
{
    public static readonly TaggedByVersion Instance = new();
}
