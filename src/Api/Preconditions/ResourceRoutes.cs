using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using TicketPlatform.Api.Users;
using TicketPlatform.Attachments;
using TicketPlatform.Categories;
using TicketPlatform.Invitations;
using TicketPlatform.Messages;
using TicketPlatform.Sla;
using TicketPlatform.Tickets;
using TicketPlatform.Users;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Preconditions;

/// <summary>What conditional requests mean for one endpoint.</summary>
/// <param name="CarriesResource">Its success answers one resource, which gets an <c>ETag</c>.</param>
/// <param name="CarriesTicket">That resource is a ticket, whose tag starts with its version.</param>
/// <param name="ResourceRead">For a write: the GET of the resource it writes to (the longest such route its own route starts with).</param>
/// <param name="ResourceIsTicket">That resource is a ticket, whose grain checks the version once more as it commits.</param>
/// <param name="TaggedByVersion">Its ticket answers are tagged by <see cref="TicketEntityTags"/> without buffering.</param>
internal sealed record ConditionalPlan(bool CarriesResource, bool CarriesTicket, RouteEndpoint? ResourceRead, bool ResourceIsTicket, bool TaggedByVersion = false);

/// <summary>
/// Finds, from the endpoints' routes and declared responses alone, which endpoints answer a single resource and
/// which resource a write is under (<c>PATCH /api/tickets/{number}/status</c> is under <c>GET /api/tickets/{number}</c>),
/// so a new endpoint is covered without being listed anywhere.
/// </summary>
internal sealed class ResourceRoutes(EndpointDataSource endpoints)
{
    /// <summary>The single resources of the API; lists, counts and rights are not.</summary>
    private static readonly HashSet<Type> ResourceTypes =
    [
        typeof(TicketView), typeof(MessageView), typeof(AttachmentView), typeof(InvitationView), typeof(CategoryView),
        typeof(UserView), typeof(StaffUserView), typeof(WebhookView), typeof(SlaPolicyView),
    ];

    private readonly ConcurrentDictionary<Endpoint, ConditionalPlan> _plans = new();

    public ConditionalPlan PlanFor(RouteEndpoint endpoint) => _plans.GetOrAdd(endpoint, Plan);

    public static bool CarriesResource(IEnumerable<object> metadata) => Produced(metadata).Any(ResourceTypes.Contains);

    public static bool IsRead(IEnumerable<object> metadata) =>
        metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods.All(HttpMethods.IsGet) ?? true;

    /// <summary>The route values of <paramref name="read"/> taken from those of a request to <paramref name="write"/>, position by position.</summary>
    public static RouteValueDictionary ValuesFor(RouteEndpoint read, RouteEndpoint write, RouteValueDictionary values)
    {
        var result = new RouteValueDictionary();
        for (var i = 0; i < read.RoutePattern.PathSegments.Count; i++)
        {
            if (read.RoutePattern.PathSegments[i].Parts[0] is RoutePatternParameterPart readParameter
                && write.RoutePattern.PathSegments[i].Parts[0] is RoutePatternParameterPart writeParameter)
            {
                result[readParameter.Name] = values[writeParameter.Name];
            }
        }

        return result;
    }

    private ConditionalPlan Plan(Endpoint endpoint)
    {
        var carries = CarriesResource(endpoint.Metadata);
        var carriesTicket = Produced(endpoint.Metadata).Contains(typeof(TicketView));
        var tagged = carriesTicket && endpoint.Metadata.GetMetadata<TaggedByVersion>() is not null;
        if (IsRead(endpoint.Metadata) || endpoint is not RouteEndpoint write)
        {
            return new ConditionalPlan(carries, carriesTicket, null, false, tagged);
        }

        var read = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => IsRead(e.Metadata) && CarriesResource(e.Metadata) && IsUnder(write.RoutePattern, e.RoutePattern))
            .MaxBy(e => e.RoutePattern.PathSegments.Count);
        return new ConditionalPlan(carries, carriesTicket, read, read is not null && Produced(read.Metadata).Contains(typeof(TicketView)), tagged);
    }

    private static IEnumerable<Type> Produced(IEnumerable<object> metadata) => metadata.OfType<IProducesResponseTypeMetadata>()
        .Where(m => m.StatusCode is StatusCodes.Status200OK or StatusCodes.Status201Created)
        .Select(m => m.Type)
        .OfType<Type>();

    /// <summary>Whether <paramref name="write"/> starts with <paramref name="resource"/>: equal literals, parameters where it has parameters.</summary>
    private static bool IsUnder(RoutePattern write, RoutePattern resource) =>
        resource.PathSegments.Count <= write.PathSegments.Count
        && resource.PathSegments.Select((segment, i) => Same(segment, write.PathSegments[i])).All(same => same);

    private static bool Same(RoutePatternPathSegment a, RoutePatternPathSegment b) => (a.Parts, b.Parts) switch
    {
        ([RoutePatternLiteralPart x], [RoutePatternLiteralPart y]) => string.Equals(x.Content, y.Content, StringComparison.OrdinalIgnoreCase),
        ([RoutePatternParameterPart], [RoutePatternParameterPart]) => true,
        _ => false,
    };
}
