using TicketPlatform.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Messages;

/// <summary><c>/api/tickets/{number}/messages</c>: a ticket's conversation and the caller's read pointer.</summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/tickets/{number}/messages").WithTags("Messages");
        messages.MapGet("", List).WithName("ListMessages").WithSummary("The conversation, oldest first; cursor pages forward, before={messageId} pages back");
        messages.MapGet("/{id}", Get).WithName("GetMessage").WithSummary("One message");
        messages.MapPost("", Post).WithName("PostMessage").WithSummary("Post a PUBLIC message or a staff INTERNAL note; a PUBLIC one reopens a CLOSED ticket");
        messages.MapPatch("/{id}", Edit).WithName("EditMessage").WithSummary("Author: change the content");
        messages.MapDelete("/{id}", Delete).WithName("DeleteMessage").WithSummary("Author or ADMIN: erase the content, keep a tombstone");
        messages.MapPost("/read", MarkRead).WithName("MarkMessagesRead").WithSummary("Move my read pointer up to a message");
        messages.MapGet("/unread", Unread).WithName("GetUnreadMessages").WithSummary("My unread count and first unread message");
        return app;
    }

    private static async Task<Results<Ok<Page<MessageView>>, ProblemHttpResult>> List(
        string number,
        [AsParameters] PageParameters parameters,
        [FromQuery, QueryValue(typeof(Guid))] string? before,
        [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var page = parameters.ReadPage(reader);
        var query = new MessageListQuery(page.Cursor, reader.Id("before", before), page.Limit, page.IncludeTotal);
        if (page.Cursor is not null && before is not null)
        {
            reader.Fail("before", "Give either cursor or before, not both.");
        }

        return reader.Error is { } invalid
            ? invalid.ToProblem()
            : (await Call(caller, number, (grain, actor) => grain.ListMessages(actor, query))).ToOk();
    }

    private static async Task<Results<Ok<MessageView>, ProblemHttpResult>> Get(string number, string id, [AsParameters] CallerContext caller) =>
        (await Call(caller, number, id, (grain, actor, messageId) => grain.GetMessage(actor, messageId))).ToOk();

    private static async Task<Results<Created<MessageView>, ProblemHttpResult>> Post(string number, PostMessageRequest request, [AsParameters] CallerContext caller)
    {
        var command = new PostMessage(request.Content ?? "", request.Visibility ?? MessageVisibility.Public);
        if (MessageRules.Validate(command) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var result = await Call(caller, number, (grain, actor) => grain.PostMessage(actor, command));
        return result.IsSuccess
            ? TypedResults.Created($"/api/tickets/{number}/messages/{result.Value!.Id}", result.Value)
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<MessageView>, ProblemHttpResult>> Edit(string number, string id, EditMessageRequest request, [AsParameters] CallerContext caller)
    {
        var content = request.Content ?? "";
        return MessageRules.Validate(new EditMessage(Guid.Empty, content)) is { } invalid
            ? invalid.ToProblem()
            : (await Call(caller, number, id, (grain, actor, messageId) => grain.EditMessage(actor, new EditMessage(messageId, content)))).ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string number, string id, [AsParameters] CallerContext caller) =>
        (await Call(caller, number, id, (grain, actor, messageId) => grain.DeleteMessage(actor, messageId))).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(string number, MarkMessagesReadRequest request, [AsParameters] CallerContext caller) =>
        request.UpToMessageId is { } upTo
            ? (await Call(caller, number, (grain, actor) => grain.MarkMessagesRead(actor, upTo))).ToNoContent()
            : Problems.Validation("upToMessageId", "Give the id of the last message read.");

    private static async Task<Results<Ok<UnreadMessages>, ProblemHttpResult>> Unread(string number, [AsParameters] CallerContext caller) =>
        (await Call(caller, number, (grain, actor) => grain.GetUnreadMessages(actor))).ToOk();

    private static Task<Result<T>> Call<T>(CallerContext caller, string number, Func<ITicketMessagesGrain, Actor, Task<Result<T>>> call) =>
        caller.OnTicket(number, call);

    /// <summary>As above, for one message; an id that is not a UUID names no message.</summary>
    private static Task<Result<T>> Call<T>(CallerContext caller, string number, string id, Func<ITicketMessagesGrain, Actor, Guid, Task<Result<T>>> call) =>
        Guid.TryParse(id, out var messageId)
            ? Call(caller, number, (grain, actor) => call(grain, actor, messageId))
            : Task.FromResult<Result<T>>(DomainError.NotFound("Message"));
}
