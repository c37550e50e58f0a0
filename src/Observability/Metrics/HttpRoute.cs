using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TicketPlatform.Observability;

/// <summary>The route template a request matched (<c>/api/tickets/{number}</c>), never its raw path, so labels stay few.</summary>
public static class HttpRoute
{
    public const string Unmatched = "unmatched";

    // Worked out once per endpoint: the metrics and the request log line both ask on every request.
    private static readonly ConditionalWeakTable<RouteEndpoint, string> Templates = new();

    /// <summary>The template in one spelling: a leading slash, no trailing one, however the route group was declared.</summary>
    public static string Of(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint ? Templates.GetValue(endpoint, Spell) : Unmatched;

    private static string Spell(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { Length: > 0 } template ? "/" + template.Trim('/') : Unmatched;
}
