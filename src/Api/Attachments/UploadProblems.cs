using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Errors;
using TicketPlatform.Attachments;

namespace TicketPlatform.Api.Attachments;

/// <summary>The problems of an upload refused at the edge, before the grain is asked to record it.</summary>
internal static class UploadProblems
{
    public static ProblemHttpResult Of(UploadRejectedException rejected) => rejected.Rejection switch
    {
        UploadRejection.TooLarge => Status(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", "Payload too large.", rejected.Message),
        UploadRejection.UnsupportedType => Status(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Unsupported file type.", rejected.Message),
        _ => Problems.Validation("file", rejected.Message),
    };

    public static ProblemHttpResult NotMultipart() => Status(
        StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type.", "Send the file as multipart/form-data.");

    public static ProblemHttpResult Truncated() => Problems.Validation("file", "The multipart body ended before its closing boundary.");

    public static ProblemHttpResult NoFile() => Problems.Validation("file", "Send one file part with a file name.");

    private static ProblemHttpResult Status(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
