using TicketPlatform.Events;
using TicketPlatform.Sla.Clocks;
using TicketPlatform.Sla.Schedule;
using TicketPlatform.Tickets;

namespace TicketPlatform.Sla.Tickets;

/// <summary>
/// The ticket's SLA clocks (<see cref="TicketState.Sla"/>) as a module of its pipeline. After each decided command it
/// feeds the clocks what changed, in this order: the status, then the policy (chosen again on a priority or category
/// change), then each PUBLIC message; a command that changed none of these only evaluates them, which is what the
/// scan's empty command relies on. What the clocks signal becomes INTERNAL events performed by nobody, and the due
/// index is rewritten in the same commit whenever the moments still to come changed.
/// </summary>
internal sealed class SlaModule(IGrainFactory grains) : ITicketModule
{
    public async Task Decided(TicketChange change)
    {
        var (before, after, now) = (change.Before, change.After, change.Now);
        if (!change.IsCreation && after.Sla is null)
        {
            return; // opened before the clocks existed
        }

        var signals = new List<SlaSignal>();
        TicketSla sla;
        if (change.IsCreation)
        {
            sla = Take(SlaClocks.Start(await Choose(after), after.Status, now));
        }
        else
        {
            sla = after.Sla!;
            var moved = false;
            if (before.Status != after.Status)
            {
                sla = Take(SlaClocks.StatusChanged(sla, before.Status, after.Status, now));
                moved = true;
            }

            if (before.Priority != after.Priority || before.CategoryId != after.CategoryId)
            {
                sla = Take(SlaClocks.PolicyChosen(sla, await Choose(after), after.Status, now));
                moved = true;
            }

            foreach (var posted in change.Events.Where(e => e.Type == TicketEventType.MessagePosted))
            {
                sla = Take(SlaClocks.MessagePosted(sla, change.Actor.IsStaff ? SlaMessage.StaffPublic : SlaMessage.CustomerPublic, now));
                moved = true;
            }

            if (!moved)
            {
                sla = Take(SlaClocks.Evaluate(sla, now));
            }

            if (ReferenceEquals(sla, after.Sla))
            {
                return;
            }
        }

        foreach (var signal in signals)
        {
            Record(change, signal);
        }

        var moments = SlaClocks.Schedule(sla);
        if (change.IsCreation || !moments.SequenceEqual(SlaClocks.Schedule(after.Sla!)))
        {
            foreach (var statement in SlaDueStore.Replacing(after.Number, moments))
            {
                change.Stage(statement);
            }
        }

        change.Apply(t => t with { Sla = sla });

        TicketSla Take(SlaStep step)
        {
            signals.AddRange(step.Signals);
            return step.State;
        }
    }

    private Task<SlaPolicyView?> Choose(TicketState ticket) =>
        grains.GetGrain<ISlaPolicyCatalogGrain>(0).Choose(ticket.Priority, ticket.CategoryId);

    private static void Record(TicketChange change, SlaSignal signal)
    {
        var (type, payload) = signal switch
        {
            SlaSignal.Applied applied => (TicketEventType.SlaApplied, (object)new SlaAppliedPayload(applied.PolicyId)),
            SlaSignal.Warning warning => (TicketEventType.SlaWarning, new SlaDuePayload(warning.Kind, warning.DueAt)),
            SlaSignal.Breached breached => (TicketEventType.SlaBreached, new SlaDuePayload(breached.Kind, breached.DueAt)),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
        };
        change.Record(type, payload, EventVisibility.Internal, actorId: Guid.Empty);
    }
}
