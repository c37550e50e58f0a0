using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Invitations;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Invitations;

/// <summary><c>/api/tickets/{number}/invitations</c> and <c>/api/invitations</c>: invitations to a ticket, and answering them.</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var onTicket = app.MapGroup("/api/tickets/{number}/invitations").WithTags("Invitations");
        onTicket.MapPost("", Invite).WithName("InviteToTicket").WithSummary("Invite a user to join the ticket (requester, canEdit participant, staff)");
        onTicket.MapGet("", ListOfTicket).WithName("ListTicketInvitations").WithSummary("The ticket's invitations, newest first; ?status");

        var invitations = app.MapGroup("/api/invitations").WithTags("Invitations");
        invitations.MapGet("/mine", Mine).WithName("ListMyInvitations").WithSummary("My invitations, newest first; PENDING unless ?status says otherwise");
        invitations.MapGet("/{id}", Get).WithName("GetInvitation").WithSummary("An invitation: for its invitee, its inviter, or whoever can see the ticket");
        invitations.MapPost("/{id}/accept", Accept).WithName("AcceptInvitation").WithSummary("Invitee: join the ticket with the invitation's flags");
        invitations.MapPost("/{id}/decline", Decline).WithName("DeclineInvitation").WithSummary("Invitee: decline");
        invitations.MapPost("/{id}/cancel", Cancel).WithName("CancelInvitation").WithSummary("Inviter or staff: cancel a pending invitation");
        return app;
    }

    private static async Task<Results<Created<InvitationView>, ProblemHttpResult>> Invite(string number, InviteRequest request, [AsParameters] CallerContext caller)
    {
        var result = await caller.OnTicket<ITicketInvitationsGrain, InvitationView>(number, (ticket, actor) => request.InviteeId is { } inviteeId
            ? ticket.Invite(actor, new InviteToTicket(inviteeId, request.CanEdit ?? false, request.CanComment ?? true, request.Message))
            : Task.FromResult<Result<InvitationView>>(DomainError.Validation("inviteeId", "Give the invitee's user id.")));
        return result.IsSuccess
            ? TypedResults.Created($"/api/invitations/{result.Value!.Id}", result.Value)
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<InvitationView>>, ProblemHttpResult>> ListOfTicket(
        string number, [AsParameters] InvitationListParameters parameters, [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var query = parameters.Read(reader, defaultStatus: null);
        return (await caller.OnTicket<ITicketInvitationsGrain, Page<InvitationView>>(number, (ticket, actor) => reader.Error is { } invalid
            ? Task.FromResult<Result<Page<InvitationView>>>(invalid)
            : ticket.ListInvitations(actor, query))).ToOk();
    }

    private static async Task<Results<Ok<Page<InvitationView>>, ProblemHttpResult>> Mine([AsParameters] InvitationListParameters parameters, [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var query = parameters.Read(reader, defaultStatus: InvitationStatus.Pending);
        return reader.Error is { } invalid
            ? invalid.ToProblem()
            : (await Invitations(caller).Mine(caller.Actor, query)).ToOk();
    }

    private static Task<Results<Ok<InvitationView>, ProblemHttpResult>> Get(string id, [AsParameters] CallerContext caller) =>
        ById(caller, id, (invitations, invitationId) => invitations.Get(caller.Actor, invitationId));

    private static Task<Results<Ok<InvitationView>, ProblemHttpResult>> Accept(string id, [AsParameters] CallerContext caller) =>
        ById(caller, id, (invitations, invitationId) => invitations.Accept(caller.Actor, invitationId));

    private static Task<Results<Ok<InvitationView>, ProblemHttpResult>> Decline(string id, [AsParameters] CallerContext caller) =>
        ById(caller, id, (invitations, invitationId) => invitations.Decline(caller.Actor, invitationId));

    private static Task<Results<Ok<InvitationView>, ProblemHttpResult>> Cancel(string id, [AsParameters] CallerContext caller) =>
        ById(caller, id, (invitations, invitationId) => invitations.Cancel(caller.Actor, invitationId));

    /// <summary>An id that is not a UUID names no invitation: 404, as a malformed ticket number does.</summary>
    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> ById(
        CallerContext caller, string id, Func<IInvitationsGrain, Guid, Task<Result<InvitationView>>> call) =>
        Guid.TryParse(id, out var invitationId)
            ? (await call(Invitations(caller), invitationId)).ToOk()
            : Problems.NotFound("Invitation");

    private static IInvitationsGrain Invitations(CallerContext caller) => caller.Grains.GetGrain<IInvitationsGrain>(0);
}
