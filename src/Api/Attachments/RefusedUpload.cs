using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketPlatform.Api.Attachments;

/// <summary>
/// Answers a refused upload so the client can read the answer. Most HTTP/1.1 clients (browsers, Node's fetch, curl)
/// send the whole body before they read a response; closing the connection on them mid-body makes them report a broken
/// pipe instead of the status. So the rest of the body is read and discarded, up to <see cref="AnswerableOverrun"/> more
/// of it, and the connection is closed after the answer. Beyond that bound the server stops reading and the
/// client may see only a reset: such a body is not worth reading. A client that asked <c>Expect: 100-continue</c>
/// waits for permission to send the body, so it gets the answer without a byte being read (reading would grant it).
/// </summary>
internal static class RefusedUpload
{
    /// <summary>How far past the upload limit a body is still read to be able to answer it.</summary>
    public const long AnswerableOverrun = 32 * 1024 * 1024;

    /// <summary>The most bytes an upload request may carry (Kestrel's limit for the endpoint): the file, its framing, the overrun.</summary>
    public static long RequestLimit(long maxFileBytes) => maxFileBytes + AttachmentUpload.FramingAllowance + AnswerableOverrun;

    public static async Task<ProblemHttpResult> Answer(HttpContext http, ProblemHttpResult problem)
    {
        if (!http.Request.Headers.Expect.Any(value => "100-continue".Equals(value, StringComparison.OrdinalIgnoreCase)))
        {
            await DiscardRest(http.Request, http.RequestAborted);
        }

        if (HttpProtocol.IsHttp11(http.Request.Protocol))
        {
            http.Response.Headers.Connection = "close";
        }

        return problem;
    }

    private static async Task DiscardRest(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var left = AnswerableOverrun + AttachmentUpload.FramingAllowance;
            int read;
            while (left > 0 && (read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                left -= read;
            }
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
            // Past the request limit, cut off or aborted: there is nothing more to read, the answer is sent as it is.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
