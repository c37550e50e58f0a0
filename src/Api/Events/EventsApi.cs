using TicketPlatform.Api.OpenApi;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Api.Tickets;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Events;

/// <summary><c>/api/tickets/{number}/events</c>, a ticket's timeline for reading and for catching up after a gap, and <c>/api/events</c>, the ADMIN's audit feed.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tickets/{number}/events", Timeline).WithTags("Events").WithName("GetTicketEvents")
            .WithSummary("The ticket's timeline, oldest first; after={seq} to catch up");
        app.MapGet("/api/events", Feed).WithTags("Events").WithName("GetAuditFeed")
            .WithSummary("ADMIN: the global audit feed, newest first").RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<Ok<Page<EventResponse>>, ProblemHttpResult>> Feed(
        [FromQuery, QueryValue(typeof(string), Pattern = TicketNumber.Shape)] string? ticket,
        [FromQuery, QueryValue(typeof(Guid))] string? actor,
        [FromQuery, QueryValue(typeof(TicketEventType))] string? type,
        [FromQuery, QueryValue(typeof(DateTimeOffset))] string? from,
        [FromQuery, QueryValue(typeof(DateTimeOffset))] string? to,
        [AsParameters] PageParameters parameters,
        [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        if (ticket is not null && !TicketNumber.IsWellFormed(ticket))
        {
            reader.Fail("ticket", "Must be a ticket number like TCK-2026-00042.");
        }

        var page = parameters.ReadPage(reader);
        var query = new EventFeedQuery(
            ticket, reader.Id("actor", actor), reader.Enum<TicketEventType>("type", type), reader.Time("from", from), reader.Time("to", to),
            page.Limit, page.Cursor, page.IncludeTotal);
        if (reader.Error is { } invalid)
        {
            return invalid.ToProblem();
        }

        var result = await caller.Grains.GetGrain<IEventFeedGrain>(0).Feed(caller.Actor, query);
        return result.ToOk(events => events.Map(EventResponse.From));
    }

    private static async Task<Results<Ok<Page<EventResponse>>, ProblemHttpResult>> Timeline(
        string number,
        [FromQuery, QueryValue(typeof(long), Minimum = 0)] string? after,
        [FromQuery, QueryValue(typeof(TicketEventType))] string? type,
        [AsParameters] PageParameters parameters,
        [AsParameters] CallerContext caller)
    {
        var reader = new QueryReader();
        var page = parameters.ReadPage(reader);
        var query = new TicketEventQuery(reader.Number("after", after), reader.Enum<TicketEventType>("type", type), page.Limit, page.Cursor, page.IncludeTotal);
        if (reader.Error is { } invalid)
        {
            return invalid.ToProblem();
        }

        var events = await TicketsApi.OnTicket(caller, number, (ticket, actor) => ticket.GetEvents(actor, query));
        return events.Result is Ok<Page<TicketEventView>> ok
            ? TypedResults.Ok(ok.Value!.Map(EventResponse.From))
            : (ProblemHttpResult)events.Result;
    }
}
