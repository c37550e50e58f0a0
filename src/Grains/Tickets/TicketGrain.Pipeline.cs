using TicketPlatform.Common;
using TicketPlatform.Idempotency;
using TicketPlatform.Preconditions;
using TicketPlatform.Realtime;

namespace TicketPlatform.Tickets;

/// <summary>
/// The command pipeline every mutation of <see cref="TicketGrain"/> goes through: load, decide, commit, publish.
/// Commands queue on the ticket; while one commit is in flight the next ones wait, and are then decided in order, each
/// on the state the one before it left, and committed together in ONE transaction (one version fence, consecutive seq).
/// Every caller is answered after that commit; memory changes only after it. Modules (<see cref="ITicketModule"/>) plug
/// in through hooks; the commands themselves live in the partial files of their modules.
/// </summary>
internal sealed partial class TicketGrain
{
    private readonly List<QueuedCommand> _queue = [];
    private Task? _batchInFlight;

    /// <summary>Load: the ticket's row and participants, then what each module keeps; null when there is no such ticket.</summary>
    private async Task<TicketState?> LoadState()
    {
        var loaded = await store.Load(Number);
        foreach (var module in modules)
        {
            loaded = loaded is null ? null : await module.Load(loaded);
        }

        return loaded;
    }

    /// <summary>A command answered with the ticket as the actor sees it after the command.</summary>
    private Task<Result<TicketView>> Execute(Actor actor, DomainError? invalid, Func<TicketChange, DomainError?> decide) =>
        Execute(actor, invalid, decide, ticket => _reads.View(ticket, actor.IsStaff));

    /// <summary>As above, answering with what <paramref name="answer"/> makes of the state after the command.</summary>
    private Task<Result<T>> Execute<T>(Actor actor, DomainError? invalid, Func<TicketChange, DomainError?> decide, Func<TicketState, T> answer) =>
        ExecuteReading(actor, invalid, change => Task.FromResult(decide(change)), answer);

    /// <summary>
    /// As above, for a command that decides on rows of the database (a message, its attachments): <paramref name="decide"/>
    /// reads them in every attempt, so a retry after a lost fence decides on what the other writer committed, never on
    /// rows read before it.
    /// </summary>
    private async Task<Result<T>> ExecuteReading<T>(
        Actor actor, DomainError? invalid, Func<TicketChange, Task<DomainError?>> decide, Func<TicketState, T> answer)
    {
        if (invalid is not null)
        {
            return invalid;
        }

        var command = new QueuedCommand(actor, ExpectedTicketVersion.Current, IdempotencyClaim.Current, decide);
        _queue.Add(command);
        while (!command.Outcome.Task.IsCompleted)
        {
            if (_batchInFlight is { IsCompleted: false } running)
            {
                await running;
            }
            else
            {
                _batchInFlight = RunBatch();
            }
        }

        var outcome = await command.Outcome.Task;
        return outcome.IsSuccess ? answer(outcome.Value!) : outcome.Error!;
    }

    /// <summary>
    /// Decides the queued commands in order (at most <see cref="TicketOptions.MaxBatch"/>) and commits what they changed as
    /// one transaction. When the commit finds the ticket or a staged row changed by another writer, memory is reloaded
    /// and every command of the batch is decided once more on its own; a command that loses again is a 409.
    /// </summary>
    private async Task RunBatch()
    {
        await Task.Yield(); // lets the calls already waiting for this activation join the batch
        var batch = new List<QueuedCommand>();
        var changes = new List<TicketChange>();
        var state = _ticket;
        while (batch.Count < options.Value.MaxBatch && _queue.Count > 0 && (batch.Count == 0 || !_queue[0].Alone))
        {
            var command = _queue[0];
            _queue.RemoveAt(0);
            if (await Decide(command, state) is { } change)
            {
                batch.Add(command);
                changes.Add(change);
                state = change.After;
            }
            else if (!command.Outcome.Task.IsCompleted)
            {
                batch.Add(command);
            }

            if (command.Alone)
            {
                break;
            }
        }

        if (changes.Count == 0)
        {
            Answer(batch);
            return;
        }

        bool committed;
        try
        {
            committed = await store.TryCommit(changes);
        }
        catch (Exception e)
        {
            FailUnknown(batch, e);
            return;
        }

        if (committed)
        {
            _ticket = state;
            Answer(batch);
            Publish(changes);
            return;
        }

        try
        {
            _ticket = await LoadState();
        }
        catch (Exception e)
        {
            FailUnknown(batch, e);
            return;
        }

        var again = new List<QueuedCommand>();
        foreach (var command in batch)
        {
            command.Lost();
            if (command.Attempts < 2)
            {
                again.Add(command);
            }
            else
            {
                command.Outcome.TrySetResult(Conflict);
            }
        }

        _queue.InsertRange(0, again);
    }

    /// <summary>
    /// Decide: the command against <paramref name="state"/> (the committed state and what the batch decided before it),
    /// then every module's consequences. Returns the change when it changed something; a refusal or a failure is kept
    /// as the command's outcome and changes nothing.
    /// </summary>
    private async Task<TicketChange?> Decide(QueuedCommand command, TicketState? state)
    {
        if (state is null)
        {
            command.Decided(DomainError.NotFound("Ticket"), null);
            return null;
        }

        if (StaleVersionNamed(state, command.Actor, command.ExpectedVersion) is { } stale)
        {
            command.Decided(stale, null);
            return null;
        }

        var change = new TicketChange(state, command.Actor, clock.Now());
        try
        {
            if (await command.Decide(change) is { } refused)
            {
                command.Decided(refused, null);
                return null;
            }

            await Conclude(change, command.Idempotency);
        }
        catch (Exception e)
        {
            command.Outcome.TrySetException(e);
            return null;
        }

        command.Decided(null, change.HasChanges ? change.After : state);
        return change.HasChanges ? change : null;
    }

    /// <summary>
    /// What follows a decided change: every module's consequences, in the order the modules are registered, then the
    /// request's Idempotency-Key, recorded in the same commit when the change changed something.
    /// </summary>
    private async Task Conclude(TicketChange change, IdempotencyClaim? claim)
    {
        foreach (var module in modules)
        {
            await module.Decided(change);
        }

        if (change.HasChanges && claim is not null)
        {
            change.Stage(idempotency.Record(claim));
        }
    }

    /// <summary>
    /// Fails the batch when the commit's outcome is unknown: the database may have committed before the connection
    /// failed, so memory may be behind the log. The activation goes, and the next call loads the ticket from the database
    /// instead of answering from that memory.
    /// </summary>
    private void FailUnknown(List<QueuedCommand> batch, Exception failure)
    {
        batch.ForEach(command => command.Outcome.TrySetException(failure));
        this.DeactivateOnIdle();
    }

    private static void Answer(List<QueuedCommand> batch)
    {
        foreach (var command in batch)
        {
            command.Outcome.TrySetResult(command.Refusal ?? new Result<TicketState>(command.StateAfter!, null));
        }
    }

    /// <summary>Publish: each committed change to the modules and, with what it is about, to the Api nodes watching the ticket.</summary>
    private void Publish(IReadOnlyList<TicketChange> changes)
    {
        foreach (var module in modules)
        {
            module.Committed(this, _ticket!, changes);
        }

        if (_watchers is not { Count: > 0 })
        {
            return;
        }

        foreach (var change in changes)
        {
            var commit = new TicketCommit(Number, _reads.View(change.After, forStaff: true), _reads.View(change.After, forStaff: false), change.ToCommittedEvents());
            _watchers.Notify(observer => observer.OnCommitted(commit));
        }
    }

    private static readonly DomainError Conflict = DomainError.Conflict("The ticket was changed concurrently; try again.");

    private DomainError? Visible(Actor actor) =>
        _ticket is null || !_ticket.Decide(actor, TicketRight.View).Allowed ? DomainError.NotFound("Ticket") : null;

    /// <summary>Turns the policy's refusal of <paramref name="right"/> into the API's error for it.</summary>
    private static DomainError? Refuse(TicketChange change, TicketRight right)
    {
        var decision = change.Before.Decide(change.Actor, right);
        return decision.Allowed ? null : decision.Reason switch
        {
            AccessReasons.NotParticipant => DomainError.NotFound("Ticket"),
            AccessReasons.Archived => DomainError.Archived(),
            AccessReasons.Locked => DomainError.Locked(LockedField(right)),
            AccessReasons.Status when right is TicketRight.ChangeStatus or TicketRight.Reopen =>
                InvalidTransition(change.Before.Status, to: null, allowed: []),
            AccessReasons.Status => DomainError.Conflict($"Not possible while the ticket is {EnumText.Of(change.Before.Status)}.", AccessReasons.Status),
            _ => DomainError.Forbidden($"You may not {Describe(right)} on this ticket.", decision.Reason),
        };
    }

    private static DomainError InvalidTransition(TicketStatus from, TicketStatus? to, IReadOnlyList<TicketStatus> allowed) => DomainError.InvalidTransition(
        to is { } target
            ? $"A ticket cannot go from {EnumText.Of(from)} to {EnumText.Of(target)} by you."
            : $"This status change is not possible from {EnumText.Of(from)}.",
        [.. allowed.Select(EnumText.Of)]);

    private static string LockedField(TicketRight right) => right switch
    {
        TicketRight.ChangePriority => "priority",
        TicketRight.ChangeCategory => "category",
        _ => "assignment",
    };

    private static string Describe(TicketRight right) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(right.ToString());
}
