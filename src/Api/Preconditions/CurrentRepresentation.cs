namespace TicketPlatform.Api.Preconditions;

/// <summary>A response read inside the service, never sent as such.</summary>
internal sealed record Representation(int Status, string? ContentType, byte[] Body)
{
    public async Task SendTo(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        await response.Body.WriteAsync(Body, response.HttpContext.RequestAborted);
    }
}

/// <summary>
/// Reads a resource as its own GET endpoint answers the same caller, by running that endpoint on a request of its
/// own: the precondition is checked against exactly what the client would have read, with no second copy of the
/// read logic.
/// </summary>
internal static class CurrentRepresentation
{
    public static async Task<Representation> Read(HttpContext context, RouteEndpoint read, RouteValueDictionary routeValues)
    {
        var inner = new DefaultHttpContext
        {
            RequestServices = context.RequestServices,
            User = context.User,
            TraceIdentifier = context.TraceIdentifier,
            RequestAborted = context.RequestAborted,
        };
        inner.Request.Method = HttpMethods.Get;
        inner.Request.Scheme = context.Request.Scheme;
        inner.Request.Host = context.Request.Host;
        inner.Request.PathBase = context.Request.PathBase;
        inner.Request.Path = context.Request.Path;
        inner.Request.RouteValues = routeValues;
        inner.SetEndpoint(read);
        using var body = new MemoryStream();
        inner.Response.Body = body;
        await read.RequestDelegate!(inner);
        return new Representation(inner.Response.StatusCode, inner.Response.ContentType, body.ToArray());
    }
}
