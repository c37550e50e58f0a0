using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Attachments;

public abstract class AttachmentDeletionTests(ApiFixture fixture) : AttachmentTestBase(fixture)
{
    [Fact]
    public async Task The_uploader_deletes_and_the_attachment_is_hidden_at_once()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Oops, wrong file");
        var attachment = await Attach(user, ticket.Number, message.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/attachments/{attachment.Id}")).StatusCode);

        await (await user.Client.GetAsync($"/api/attachments/{attachment.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"/api/attachments/{attachment.Id}/content")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.DeleteAsync($"/api/attachments/{attachment.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Empty((await ListAttachments(user, ticket.Number)).Items);
        Assert.Equal(1, await Api.Database.Scalar<long>(
            "SELECT COUNT(*) FROM attachments WHERE id = @id AND deleted_at IS NOT NULL AND deleted_by = @by", new { id = attachment.Id, by = user.Id }));
        var deleted = (await Events(user, ticket.Number))[^1];
        Assert.Equal((TicketEventType.AttachmentDeleted, attachment.Id), (deleted.Type, deleted.Payload.GetProperty("attachmentId").GetGuid()));
    }

    [Fact]
    public async Task Another_participant_may_not_delete_staff_may()
    {
        var user = await NewUser();
        var participant = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var attachment = await Attach(user, ticket.Number, message.Id);
        await AddParticipant(user, ticket.Number, participant, canComment: true);

        await (await participant.Client.DeleteAsync($"/api/attachments/{attachment.Id}")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(HttpStatusCode.NoContent, (await agent.Client.DeleteAsync($"/api/attachments/{attachment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_message_deletes_its_attachments_in_the_same_commit()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Two files");
        var first = await Attach(user, ticket.Number, message.Id);
        var second = await Attach(user, ticket.Number, message.Id, SampleFiles.Png, "shot.png");
        var before = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketPlatform.Tickets.TicketView>();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"{MessagesOf(ticket.Number)}/{message.Id}")).StatusCode);

        var after = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketPlatform.Tickets.TicketView>();
        Assert.Equal(before.Version + 1, after.Version);
        var events = await Events(user, ticket.Number, $"?after={(await Events(user, ticket.Number)).Length - 3}");
        Assert.Equal(
            [(TicketEventType.MessageDeleted, message.Id), (TicketEventType.AttachmentDeleted, first.Id), (TicketEventType.AttachmentDeleted, second.Id)],
            events.Select(e => (e.Type, e.Type == TicketEventType.MessageDeleted ? e.Payload.GetProperty("messageId").GetGuid() : e.Payload.GetProperty("attachmentId").GetGuid())));
        Assert.Equal(2, await Api.Database.Scalar<long>("SELECT COUNT(*) FROM attachments WHERE message_id = @id AND deleted_at IS NOT NULL", new { id = message.Id }));
        await (await user.Client.GetAsync($"/api/attachments/{first.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.PostAsync(UploadUrl(ticket.Number, message.Id), new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf), "file", "late.pdf" } }))
            .Problem(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task The_purge_removes_the_blob_of_a_deleted_attachment_and_records_it()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var kept = await Attach(user, ticket.Number, message.Id);
        var attachment = await Attach(user, ticket.Number, message.Id, fileName: "gone.pdf");
        var blob = await BlobPathOf(attachment.Id);
        Assert.True(File.Exists(blob));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/attachments/{attachment.Id}")).StatusCode);

        await WaitUntilPurged(attachment.Id);
        Assert.False(File.Exists(blob));
        Assert.True(File.Exists(await BlobPathOf(kept.Id)));
    }

    [Fact]
    public async Task Uploading_to_an_archived_ticket_is_409_and_leaves_no_blob()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var blobs = BlobFiles();
        await Archive(ticket.Number);

        await (await Upload(user, ticket.Number, message.Id, SampleFiles.Pdf)).Problem(HttpStatusCode.Conflict, "ARCHIVED");

        Assert.Equal(0, await Api.Database.CountRows("attachments", "message_id", message.Id));
        Assert.Empty(BlobFiles().Except(blobs));
    }

    [Fact]
    public async Task The_purge_finds_its_work_in_the_table_not_in_memory()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var attachment = await Attach(user, ticket.Number, message.Id);
        var blob = await BlobPathOf(attachment.Id);

        await Api.Database.Execute(
            "UPDATE attachments SET deleted_at = @at, deleted_by = @by WHERE id = @id", new { at = DateTimeOffset.UtcNow.AddDays(-1), by = user.Id, id = attachment.Id });

        await WaitUntilPurged(attachment.Id);
        Assert.False(File.Exists(blob));
    }

    [Fact]
    public async Task Blobs_no_attachment_records_and_abandoned_writes_are_swept_after_the_grace_period()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var recorded = await Attach(user, ticket.Number, message.Id);
        var recordedBlob = await BlobPathOf(recorded.Id);
        // What a crash leaves: a blob stored whose row was never committed, and a write that never finished.
        var orphanName = Guid.NewGuid().ToString("N");
        var orphan = Path.Combine(BlobDirectory, orphanName[..2], orphanName);
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllBytesAsync(orphan, SampleFiles.Pdf, TestContext.Current.CancellationToken);
        var abandoned = $"{orphan}.{Guid.NewGuid():N}.partial";
        await File.WriteAllBytesAsync(abandoned, SampleFiles.Pdf[..10], TestContext.Current.CancellationToken);

        await Eventually.True(() => Task.FromResult(!File.Exists(orphan) && !File.Exists(abandoned)), "the purge to remove the orphan and the abandoned write");

        Assert.True(File.Exists(recordedBlob));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/api/attachments/{recorded.Id}/content")).StatusCode);
    }

    private Task WaitUntilPurged(Guid attachmentId) => Eventually.True(
        async () => await Api.Database.Scalar<long>("SELECT COUNT(*) FROM attachments WHERE id = @attachmentId AND purged_at IS NOT NULL", new { attachmentId }) > 0,
        "the purge to mark the attachment purged");
}

[Collection(nameof(SqliteAttachmentApi))]
public sealed class SqliteAttachmentDeletionTests(SqliteAttachmentApi fixture) : AttachmentDeletionTests(fixture);

[Collection(nameof(PostgresAttachmentApi))]
public sealed class PostgresAttachmentDeletionTests(PostgresAttachmentApi fixture) : AttachmentDeletionTests(fixture);
