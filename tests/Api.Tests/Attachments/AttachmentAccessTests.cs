using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;

namespace TicketPlatform.Api.Tests.Attachments;

public abstract class AttachmentAccessTests(ApiFixture fixture) : AttachmentTestBase(fixture)
{
    [Fact]
    public async Task Attachments_of_internal_messages_are_staff_only_everywhere()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        var reply = await Post(user, ticket.Number, "Public");
        var note = await Post(agent, ticket.Number, "Internal", "INTERNAL");
        var visible = await Attach(user, ticket.Number, reply.Id);
        var secret = await Attach(agent, ticket.Number, note.Id, fileName: "internal.pdf");

        Assert.Equal([visible.Id], (await ListAttachments(user, ticket.Number)).Items.Select(a => a.Id));
        Assert.Equal([visible.Id, secret.Id], (await ListAttachments(agent, ticket.Number)).Items.Select(a => a.Id));
        Assert.Equal([secret.Id], (await ListAttachments(agent, ticket.Number, $"?messageId={note.Id}")).Items.Select(a => a.Id));
        await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/attachments?messageId={note.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"/api/attachments/{secret.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"/api/attachments/{secret.Id}/content")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.DeleteAsync($"/api/attachments/{secret.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.PostAsync(UploadUrl(ticket.Number, note.Id), Form())).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.DoesNotContain(await Events(user, ticket.Number), e => e.Visibility == EventVisibility.Internal);
        var added = (await Events(agent, ticket.Number))[^1];
        Assert.Equal((TicketEventType.AttachmentAdded, EventVisibility.Internal), (added.Type, added.Visibility));
        Assert.Equal(1, await Api.Database.CountRows("attachments", "message_id", note.Id));
    }

    [Fact]
    public async Task Only_the_messages_author_or_staff_attach_and_strangers_get_404()
    {
        var user = await NewUser();
        var participant = await NewUser();
        var stranger = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Mine");
        await AddParticipant(user, ticket.Number, participant, canComment: true);
        var blobs = BlobFiles();

        await (await Upload(stranger, ticket.Number, message.Id, SampleFiles.Pdf)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await Upload(participant, ticket.Number, message.Id, SampleFiles.Pdf)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Upload(user, ticket.Number, Guid.NewGuid(), SampleFiles.Pdf)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await Upload(user, "TCK-nope", message.Id, SampleFiles.Pdf)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Empty(BlobFiles().Except(blobs));

        var byStaff = await Attach(admin, ticket.Number, message.Id);
        Assert.Equal(admin.Id, byStaff.UploaderId);
    }

    [Fact]
    public async Task Strangers_and_unknown_ids_get_404()
    {
        var user = await NewUser();
        var stranger = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Mine");
        var attachment = await Attach(user, ticket.Number, message.Id);

        await (await stranger.Client.GetAsync($"/api/tickets/{ticket.Number}/attachments")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.GetAsync($"/api/attachments/{attachment.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.GetAsync($"/api/attachments/{attachment.Id}/content")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.DeleteAsync($"/api/attachments/{attachment.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"/api/attachments/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync("/api/attachments/not-a-uuid/content")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/attachments?messageId={Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task The_list_pages_forward_and_filters_by_message()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var first = await Post(user, ticket.Number, "First");
        var second = await Post(user, ticket.Number, "Second");
        var a = await Attach(user, ticket.Number, first.Id);
        var b = await Attach(user, ticket.Number, second.Id);
        var c = await Attach(user, ticket.Number, first.Id);

        var page = await ListAttachments(user, ticket.Number, "?limit=2");
        var next = await ListAttachments(user, ticket.Number, $"?limit=2&cursor={page.NextCursor}");

        Assert.Equal([a.Id, b.Id, c.Id], page.Items.Concat(next.Items).Select(x => x.Id));
        Assert.Null(next.NextCursor);
        Assert.Equal([a.Id, c.Id], (await ListAttachments(user, ticket.Number, $"?messageId={first.Id}")).Items.Select(x => x.Id));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("messageId=42", "messageId")]
    [InlineData("cursor=forged", "cursor")]
    public async Task Bad_list_queries_are_400_naming_the_parameter(string query, string field)
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        var problem = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/attachments?{query}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    private static MultipartFormDataContent Form() => new() { { new ByteArrayContent(SampleFiles.Pdf), "file", "x.pdf" } };
}

[Collection(nameof(SqliteAttachmentApi))]
public sealed class SqliteAttachmentAccessTests(SqliteAttachmentApi fixture) : AttachmentAccessTests(fixture);

[Collection(nameof(PostgresAttachmentApi))]
public sealed class PostgresAttachmentAccessTests(PostgresAttachmentApi fixture) : AttachmentAccessTests(fixture);
