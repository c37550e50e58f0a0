namespace TicketPlatform.Api.Preconditions;

/// <summary>
/// A 200 whose JSON body is already serialised: written whole, with its length, in one write. Not
/// <c>TypedResults.Bytes</c>: that is a file result, which judges <c>If-Match</c> and <c>If-None-Match</c> again
/// against a file's (absent) tag, after <see cref="TicketEntityTags"/> and the grain have already decided them.
/// </summary>
internal sealed class Utf8JsonBody(byte[] body) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string MediaType = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => MediaType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length, httpContext.RequestAborted);
    }
}
