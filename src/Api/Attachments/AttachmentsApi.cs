using TicketPlatform.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Attachments;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Attachments;

/// <summary><c>/api/tickets/{number}/messages/{messageId}/attachments</c>, <c>/api/tickets/{number}/attachments</c> and <c>/api/attachments/{id}</c>: files attached to messages, streamed in and out.</summary>
public static class AttachmentsApi
{
    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes;
        app.MapPost("/api/tickets/{number}/messages/{messageId}/attachments", Upload).WithTags("Attachments").WithName("UploadAttachment")
            .WithSummary("Message author or staff: attach one file (multipart/form-data, streamed; type checked on the bytes)")
            .AcceptsFileUpload($"One file part (the first file in the form is taken), at most {maxBytes} bytes.")
            .WithMetadata(new RequestSizeLimitAttribute(RefusedUpload.RequestLimit(maxBytes)));
        app.MapGet("/api/tickets/{number}/attachments", List).WithTags("Attachments").WithName("ListAttachments")
            .WithSummary("The ticket's attachments, oldest first; ?messageId for one message's");
        var attachments = app.MapGroup("/api/attachments/{id}").WithTags("Attachments");
        attachments.MapGet("", Get).WithName("GetAttachment").WithSummary("An attachment's metadata");
        attachments.MapGet("/content", Download).WithName("DownloadAttachment").WithSummary("An attachment's bytes, as a download");
        attachments.MapDelete("", Delete).WithName("DeleteAttachment").WithSummary("Uploader or staff: delete; the bytes are purged later");
        return app;
    }

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Upload(
        string number, string messageId, HttpContext http, [AsParameters] CallerContext caller, IBlobStore blobs, IOptions<AttachmentOptions> options)
    {
        if (!TicketNumber.IsWellFormed(number) || !Guid.TryParse(messageId, out var message))
        {
            return await RefusedUpload.Answer(http, Problems.NotFound(TicketNumber.IsWellFormed(number) ? "Message" : "Ticket"));
        }

        var ticket = caller.Grains.GetGrain<ITicketAttachmentsGrain>(number);
        if ((await ticket.GetUploadTarget(caller.Actor, message)).Error is { } refused)
        {
            return await RefusedUpload.Answer(http, refused.ToProblem());
        }

        var (file, problem) = await AttachmentUpload.Receive(http.Request, blobs, options.Value.MaxBytes, http.RequestAborted);
        if (problem is not null)
        {
            return await RefusedUpload.Answer(http, problem);
        }

        var added = await ticket.AddAttachment(caller.Actor, new AddAttachment(
            message, file!.FileName, file.Inspected.ContentType, file.Inspected.Size, file.Inspected.Sha256, file.StorageName));
        if (!added.IsSuccess)
        {
            await blobs.Delete(file.StorageName, CancellationToken.None);
            return added.Error!.ToProblem();
        }

        return TypedResults.Created($"/api/attachments/{added.Value!.Id}", added.Value);
    }

    private static async Task<Results<Ok<Page<AttachmentView>>, ProblemHttpResult>> List(
        string number,
        [FromQuery, QueryValue(typeof(Guid))] string? messageId,
        [AsParameters] PageParameters parameters,
        [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var page = parameters.ReadPage(reader);
        var query = new AttachmentListQuery(reader.Id("messageId", messageId), page.Cursor, page.Limit, page.IncludeTotal);
        if (reader.Error is { } invalid)
        {
            return invalid.ToProblem();
        }

        return (await caller.OnTicket<ITicketAttachmentsGrain, Page<AttachmentView>>(number, (ticket, actor) => ticket.ListAttachments(actor, query))).ToOk();
    }

    private static async Task<Results<Ok<AttachmentView>, ProblemHttpResult>> Get(string id, [AsParameters] CallerContext caller) =>
        (await Lookup(caller, id, (lookup, actor, attachment) => lookup.Get(actor, attachment))).ToOk(stored => stored.Attachment);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string id, HttpResponse response, [AsParameters] CallerContext caller, IBlobStore blobs)
    {
        var found = await Lookup(caller, id, (lookup, actor, attachment) => lookup.Get(actor, attachment));
        if (!found.IsSuccess)
        {
            return found.Error!.ToProblem();
        }

        var (attachment, storageName) = found.Value!;
        var content = await blobs.Open(storageName, response.HttpContext.RequestAborted)
                      ?? throw new InvalidOperationException($"The blob of live attachment {attachment.Id} is missing.");
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, attachment.ContentType, attachment.FileName);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, [AsParameters] CallerContext caller) =>
        (await Lookup(caller, id, (lookup, actor, attachment) => lookup.Delete(actor, attachment))).ToNoContent();

    /// <summary>Calls the lookup grain, which hands over to the attachment's ticket; an id that is not a UUID names no attachment.</summary>
    private static Task<Result<T>> Lookup<T>(CallerContext caller, string id, Func<IAttachmentLookupGrain, Actor, Guid, Task<Result<T>>> call) =>
        Guid.TryParse(id, out var attachment)
            ? call(caller.Grains.GetGrain<IAttachmentLookupGrain>(0), caller.Actor, attachment)
            : Task.FromResult<Result<T>>(DomainError.NotFound("Attachment"));
}
