using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TicketPlatform.Attachments;

namespace TicketPlatform.Api.Attachments;

/// <summary>A file streamed into the blob store and found acceptable; not yet recorded.</summary>
internal sealed record ReceivedFile(string FileName, string StorageName, InspectedFile Inspected);

/// <summary>
/// Streams the first file part of a multipart request into the blob store while an <see cref="UploadInspector"/>
/// counts, hashes and types its bytes. The file is never buffered whole, and reading stops at the first byte
/// past the limit. A refused file leaves nothing in the store.
/// </summary>
internal static class AttachmentUpload
{
    /// <summary>Room for the multipart framing around the file, on top of the file limit.</summary>
    public const long FramingAllowance = 64 * 1024;

    private const int MaxBoundaryLength = 70;

    public static async Task<(ReceivedFile? File, ProblemHttpResult? Problem)> Receive(
        HttpRequest request, IBlobStore blobs, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 and <= MaxBoundaryLength } boundary)
        {
            return (null, UploadProblems.NotMultipart());
        }

        if (request.ContentLength > maxBytes + FramingAllowance)
        {
            return (null, UploadProblems.Of(UploadRejectedException.TooLarge(maxBytes)));
        }

        var (section, fileName, truncated) = await FirstFile(new MultipartReader(boundary.Value!, request.Body), cancellationToken);
        if (section is null)
        {
            return (null, truncated ? UploadProblems.Truncated() : UploadProblems.NoFile());
        }

        if (AttachmentTypes.RefuseByName(fileName, section.ContentType) is { } refused)
        {
            return (null, UploadProblems.Of(new UploadRejectedException(UploadRejection.UnsupportedType, refused)));
        }

        var storageName = Guid.NewGuid().ToString("N");
        using var inspector = new UploadInspector(maxBytes, fileName);
        try
        {
            await blobs.Put(storageName, new InspectedStream(section.Body, inspector), cancellationToken);
            return (new ReceivedFile(fileName, storageName, inspector.Complete()), null);
        }
        catch (UploadRejectedException rejected)
        {
            await blobs.Delete(storageName, CancellationToken.None);
            return (null, UploadProblems.Of(rejected));
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await blobs.Delete(storageName, CancellationToken.None);
            return (null, UploadProblems.Of(UploadRejectedException.TooLarge(maxBytes)));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            await blobs.Delete(storageName, CancellationToken.None);
            return (null, UploadProblems.Truncated());
        }
    }

    private static async Task<(MultipartSection? Section, string FileName, bool Truncated)> FirstFile(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    var clientName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    return (section, AttachmentFileNames.Sanitise(clientName), false);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return (null, "", true);
        }

        return (null, "", false);
    }
}
