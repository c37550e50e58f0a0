using System.Security.Claims;
using TicketPlatform.Api.Auth;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Common;

/// <summary>What every endpoint needs: the caller and the grains, bound with <c>[AsParameters]</c>.</summary>
public readonly record struct CallerContext(ClaimsPrincipal User, GrainReferences Grains)
{
    public Actor Actor => User.ToActor();

    /// <summary>The external subject: the key of the caller's user grain.</summary>
    public string Subject => User.FindFirst("sub")!.Value;

    /// <summary>
    /// Calls one of a ticket's grains (any module's interface; key: the ticket number). A malformed number is a
    /// ticket that does not exist: answered NOT_FOUND without activating anything.
    /// </summary>
    public Task<Result<T>> OnTicket<TGrain, T>(string number, Func<TGrain, Actor, Task<Result<T>>> call)
        where TGrain : IGrainWithStringKey =>
        TicketNumber.IsWellFormed(number)
            ? call(Grains.GetGrain<TGrain>(number), Actor)
            : Task.FromResult<Result<T>>(DomainError.NotFound("Ticket"));
}
