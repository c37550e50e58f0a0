using System.Net;
using System.Net.Http.Headers;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Api.Tests.Messages;
using TicketPlatform.Attachments;

namespace TicketPlatform.Api.Tests.Attachments;

/// <summary>Helpers of the attachment tests: multipart uploads and a look at the blob directory.</summary>
public abstract class AttachmentTestBase(ApiFixture fixture) : ConversationTestBase(fixture)
{
    protected string BlobDirectory => Path.Combine(Api.DataDirectory, "blobs");

    protected static string UploadUrl(string number, Guid messageId) => $"/api/tickets/{number}/messages/{messageId}/attachments";

    protected static Task<HttpResponseMessage> Upload(
        TestUser user, string number, Guid messageId, byte[] bytes, string fileName = "report.pdf", string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return user.Client.PostAsync(UploadUrl(number, messageId), new MultipartFormDataContent { { file, "file", fileName } });
    }

    protected static async Task<AttachmentView> Attach(TestUser user, string number, Guid messageId, byte[]? bytes = null, string fileName = "report.pdf") =>
        await (await Upload(user, number, messageId, bytes ?? SampleFiles.Pdf, fileName)).Read<AttachmentView>(HttpStatusCode.Created);

    protected static async Task<AttachmentPage> ListAttachments(TestUser user, string number, string query = "") =>
        await (await user.Client.GetAsync($"/api/tickets/{number}/attachments{query}")).Read<AttachmentPage>();

    /// <summary>The blob files now. Compare with <c>Except</c>: the purge job may remove other tests' deleted blobs at any time.</summary>
    protected string[] BlobFiles() =>
        Directory.Exists(BlobDirectory) ? [.. Directory.GetFiles(BlobDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    protected async Task<string> BlobPathOf(Guid attachmentId)
    {
        var storageName = await Api.Database.Scalar<string>("SELECT storage_name FROM attachments WHERE id = @attachmentId", new { attachmentId });
        return Path.Combine(BlobDirectory, storageName[..2], storageName);
    }

    protected sealed record AttachmentPage(AttachmentView[] Items, string? NextCursor);
}
