using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Api.Events;
using TicketPlatform.Events;
using TicketPlatform.Realtime;

namespace TicketPlatform.Api.Realtime;

/// <summary>This node's one observer of ticket grains: fans each committed event out to the room's connections that may see it.</summary>
public sealed class TicketRoomObserver(IHubContext<TicketsHub> hub, IServiceProvider services) : ITicketObserver
{
    public async Task OnCommitted(TicketEventView[] events)
    {
        var rooms = services.GetRequiredService<TicketRooms>();
        foreach (var e in events)
        {
            var audience = rooms.Members(e.TicketNumber)
                .Where(member => EventAudience.CanSee(e, member.Value.UserId, member.Value.IsStaff))
                .Select(member => member.Key)
                .ToList();
            if (audience.Count > 0)
            {
                await hub.Clients.Clients(audience).SendAsync(HubEvents.NameOf(e.Type), new HubEvent(e.TicketNumber, e.Seq, EventResponse.From(e)));
            }
        }
    }
}
