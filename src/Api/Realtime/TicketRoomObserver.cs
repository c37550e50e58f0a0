using System.Text.Json;
using Microsoft.Extensions.Options;
using TicketPlatform.Events;
using TicketPlatform.Messages;
using TicketPlatform.Realtime;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// This node's one observer of ticket grains. A commit first closes the room for members who may no longer see the
/// ticket as it left it, then fans each event out to the members that may see it; presence goes to staff, typing to the
/// others who may see its visibility.
/// </summary>
public sealed class TicketRoomObserver(RoomDelivery delivery, RoomProgress progress, IServiceProvider services, IOptions<RealtimeOptions> options) : ITicketObserver
{
    public async Task OnCommitted(TicketCommit commit)
    {
        var closed = false;
        await delivery.InOrder(async () =>
        {
            foreach (var member in Rooms.Members(commit.TicketNumber).Where(member => !commit.Ticket.MayView(member.Connection.Actor)))
            {
                closed |= await delivery.CloseNow(commit.TicketNumber, member.Connection, ReasonOf(commit, member.Connection.User.Id));
            }

            foreach (var committed in commit.Events)
            {
                var e = committed.Event;
                foreach (var staff in new[] { true, false })
                {
                    await delivery.SendNow(
                        commit.TicketNumber,
                        HubEvents.NameOf(e.Type),
                        HubEvents.For(committed, staff ? commit.Ticket : commit.PublicTicket),
                        connection => connection.Actor.IsStaff == staff && EventAudience.CanSee(e, connection.User.Id, staff));
                }

                progress.Delivered(commit.TicketNumber, e.Seq);
            }
        });

        if (closed)
        {
            await Rooms.Announce(commit.TicketNumber);
        }
    }

    public Task OnPresence(string ticketNumber, PresenceViewer[] viewers) => delivery.InOrder(() =>
        delivery.SendNow(ticketNumber, HubEvents.Presence, new PresencePush(ticketNumber, viewers), connection => connection.Actor.IsStaff));

    public Task OnTyping(TypingNotice notice)
    {
        var push = new TypingPush(notice.TicketNumber, notice.UserId, notice.Name, notice.Visibility, (long)options.Value.TypingLapse.TotalMilliseconds);
        return delivery.InOrder(() => delivery.SendNow(
            notice.TicketNumber,
            HubEvents.Typing,
            push,
            connection => connection.User.Id != notice.UserId && (notice.Visibility == MessageVisibility.Public || connection.Actor.IsStaff)));
    }

    private TicketRooms Rooms => services.GetRequiredService<TicketRooms>();

    /// <summary>REMOVED or LEFT when the commit took the user off the ticket; otherwise the loss has no event of its own.</summary>
    private static string ReasonOf(TicketCommit commit, Guid userId)
    {
        foreach (var e in commit.Events.Select(committed => committed.Event))
        {
            if (e.Type is TicketEventType.ParticipantRemoved or TicketEventType.ParticipantLeft && GoneUser(e) == userId)
            {
                return e.Type == TicketEventType.ParticipantLeft ? RoomClosedReasons.Left : RoomClosedReasons.Removed;
            }
        }

        return RoomClosedReasons.AccessLost;
    }

    private static Guid? GoneUser(TicketEventView e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        return payload.RootElement.TryGetProperty("userId", out var id) && id.TryGetGuid(out var userId) ? userId : null;
    }
}
