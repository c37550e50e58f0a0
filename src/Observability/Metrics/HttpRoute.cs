using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TicketPlatform.Observability;

/// <summary>The route template a request matched (<c>/api/tickets/{number}</c>), never its raw path, so labels stay few.</summary>
public static class HttpRoute
{
    public const string Unmatched = "unmatched";

    /// <summary>The template in one spelling: a leading slash, no trailing one, however the route group was declared.</summary>
    public static string Of(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { Length: > 0 } template ? "/" + template.Trim('/') : Unmatched;
}
