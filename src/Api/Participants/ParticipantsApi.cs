using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Participants;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Participants;

public sealed record AddParticipantRequest([property: Required] Guid? UserId, bool? CanEdit, bool? CanComment);

public sealed record ChangeParticipantRequest(bool? CanEdit, bool? CanComment);

/// <summary><c>/api/tickets/{number}/participants</c>: who is on a ticket.</summary>
public static class ParticipantsApi
{
    public static IEndpointRouteBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var participants = app.MapGroup("/api/tickets/{number}/participants").WithTags("Participants");
        participants.MapGet("", List).WithName("ListParticipants").WithSummary("The ticket's participants");
        participants.MapPost("", Add).WithName("AddParticipant").WithSummary("Add a participant (requester or staff); cancels their pending invitation");
        participants.MapPatch("/{userId:guid}", Change).WithName("ChangeParticipant").WithSummary("Change a participant's canEdit/canComment");
        participants.MapDelete("/{userId:guid}", Remove).WithName("RemoveParticipant").WithSummary("Remove a participant, or leave when it is me");
        return app;
    }

    private static async Task<Results<Ok<Page<ParticipantView>>, ProblemHttpResult>> List(
        string number, [AsParameters] PageParameters parameters, [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var page = parameters.ReadPage(reader);
        return reader.Error is { } invalid
            ? invalid.ToProblem()
            : (await Call(caller, number, (grain, actor) => grain.GetParticipants(actor, page))).ToOk();
    }

    private static async Task<Results<Created<ParticipantView>, ProblemHttpResult>> Add(string number, AddParticipantRequest request, [AsParameters] CallerContext caller)
    {
        if (request.UserId is not { } userId)
        {
            return Problems.Validation("userId", "Give the user's id.");
        }

        var result = await Call(caller, number, (grain, actor) => grain.AddParticipant(actor, new AddParticipant(userId, request.CanEdit ?? false, request.CanComment ?? true)));
        return result.IsSuccess
            ? TypedResults.Created($"/api/tickets/{number}/participants/{userId}", result.Value)
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ParticipantView>, ProblemHttpResult>> Change(string number, Guid userId, ChangeParticipantRequest request, [AsParameters] CallerContext caller) =>
        (await Call(caller, number, (grain, actor) => grain.ChangeParticipant(actor, new ChangeParticipant(userId, request.CanEdit, request.CanComment)))).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string number, Guid userId, [AsParameters] CallerContext caller)
    {
        var result = await Call(caller, number, (grain, actor) => grain.RemoveParticipant(actor, userId));
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    private static Task<Result<T>> Call<T>(CallerContext caller, string number, Func<ITicketParticipantsGrain, Actor, Task<Result<T>>> call) =>
        caller.OnTicket(number, call);
}
