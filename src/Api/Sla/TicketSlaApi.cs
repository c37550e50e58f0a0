using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Sla;

namespace TicketPlatform.Api.Sla;

/// <summary>
/// <c>GET /api/tickets/{number}/sla</c>: a ticket's clocks for staff. Not behind the staff policy at the edge: a USER who
/// may not see the ticket gets the 404 of everything under it, only one who may see it the 403 (decided by the ticket's grain).
/// </summary>
public static class TicketSlaApi
{
    public static IEndpointRouteBuilder MapTicketSlaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tickets/{number}/sla", Get).WithTags("SLA").WithName("GetTicketSla")
            .WithSummary("Staff: every SLA clock of a ticket that has a target in its policy");
        return app;
    }

    private static async Task<Results<Ok<TicketSlaView>, ProblemHttpResult>> Get(string number, [AsParameters] CallerContext caller) =>
        (await caller.OnTicket<ITicketSlaGrain, TicketSlaView>(number, (ticket, actor) => ticket.GetSla(actor))).ToOk();
}
