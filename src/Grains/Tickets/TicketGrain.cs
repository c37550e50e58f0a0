using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TicketPlatform.Attachments;
using TicketPlatform.Categories;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Idempotency;
using TicketPlatform.Invitations;
using TicketPlatform.Messages;
using TicketPlatform.Users;

namespace TicketPlatform.Tickets;

/// <summary>
/// Owns one ticket: every command is checked against <see cref="TicketAccessPolicy"/> and the lifecycle, then
/// committed with its events in one transaction fenced by the ticket's version, through the command pipeline
/// (TicketGrain.Pipeline.cs). Reentrant: commands queue while a commit is in flight and are committed together;
/// reads are served from the committed state in memory meanwhile.
/// </summary>
[Reentrant]
internal sealed partial class TicketGrain(
    TicketStore store, EventStore events, MessageStore messages, AttachmentStore attachments, InvitationStore invitations,
    IEnumerable<ITicketModule> modules, IdempotencyStore idempotency, UserLookup users, Clock clock, DomainMetrics metrics,
    IOptions<TicketOptions> options, IOptions<InvitationOptions> invitationOptions, ILogger<TicketGrain> logger)
    : Grain, ITicketGrain
{
    private readonly TicketReads _reads = new();

    private TicketState? _ticket;

    private string Number => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _ticket = await LoadState();

    public async Task<Result<TicketView>> Open(Actor actor, OpenTicket command)
    {
        if (TicketRules.Validate(command) is { } invalid)
        {
            return invalid;
        }

        if (_ticket is not null)
        {
            return DomainError.Conflict($"Ticket {Number} already exists.");
        }

        if (command.CategoryId is { } categoryId && !await CategoryIsActive(categoryId))
        {
            return DomainError.Validation("categoryId", "No active category has this id.");
        }

        var now = clock.Now();
        var draft = new TicketState(
            Number, command.Title.Trim(), command.Description, TicketStatus.Open, command.Priority, command.CategoryId,
            actor.UserId, AssigneeId: null, PriorityLocked: false, CategoryLocked: false, AssignmentLocked: false, Archived: false,
            now, now, ResolvedAt: null, ClosedAt: null, Version: 1, LastSeq: 0, ImmutableDictionary<Guid, Participant>.Empty,
            PublicVersion: 1, PublicUpdatedAt: now);
        var change = new TicketChange(draft, actor, now, isCreation: true);
        change.UpsertParticipant(new Participant(actor.UserId, ParticipantRole.Requester, CanEdit: true, CanComment: true, now));
        change.Record(TicketEventType.TicketCreated, new TicketCreatedPayload(
            draft.Title, draft.Description, draft.Status, draft.Priority, draft.CategoryId, draft.RequesterId));
        await Conclude(change, IdempotencyClaim.Current);

        if (!await store.TryCommit([change]))
        {
            _ticket = await LoadState();
            return DomainError.Conflict($"Ticket {Number} already exists.");
        }

        _ticket = change.After;
        metrics.TicketCreated();
        return _reads.View(_ticket, actor.IsStaff);
    }

    public Task<Result<TicketView>> Get(Actor actor) =>
        Visible(actor) is { } hidden ? Task.FromResult<Result<TicketView>>(hidden) : _reads.For(_ticket!, actor);

    public Task<Result<TicketPermissions>> GetPermissions(Actor actor) => Task.FromResult(Visible(actor) is { } hidden
        ? hidden
        : new Result<TicketPermissions>(new TicketPermissions(TicketAccessPolicy.DecideAll(_ticket!.SubjectFor(actor), _ticket.Facts)), null));

    public async Task<Result<Page<TicketEventView>>> GetEvents(Actor actor, TicketEventQuery query)
    {
        if (Visible(actor) is { } hidden)
        {
            return hidden;
        }

        return Paging.Check<long>(query.Limit, query.Cursor, Cursor.TryDecodeSeq, out var cursorSeq) is { } invalid
            ? invalid
            : await events.Timeline(Number, actor, query with { After = Math.Max(query.After, cursorSeq ?? 0) });
    }

    public Task<Result<TicketView>> Edit(Actor actor, EditTicket command) => Execute(actor, TicketRules.Validate(command), change =>
    {
        if (Refuse(change, TicketRight.Edit) is { } refused)
        {
            return refused;
        }

        var before = change.Before;
        var title = command.Title?.Trim() ?? before.Title;
        var description = command.Description ?? before.Description;
        if (title == before.Title && description == before.Description)
        {
            return null;
        }

        change.EnrolActingStaff();
        change.Apply(t => t with { Title = title, Description = description });
        change.Record(TicketEventType.TicketUpdated, new TicketUpdatedPayload(
            title == before.Title ? null : new Change<string>(before.Title, title),
            description == before.Description ? null : new Change<string>(before.Description, description)));
        return null;
    });

    public Task<Result<TicketView>> ChangeStatus(Actor actor, ChangeStatus command) => Execute(actor, TicketRules.Validate(command), change =>
    {
        var allowed = TicketLifecycle.AllowedTargets(change.Before.Status, actor.IsStaff);
        if (Refuse(change, TicketRight.ChangeStatus) is { } refused)
        {
            return refused;
        }

        if (!allowed.Contains(command.Status))
        {
            return InvalidTransition(change.Before.Status, command.Status, allowed);
        }

        change.EnrolActingStaff();
        MoveTo(change, command.Status, command.Reason);
        return null;
    });

    public Task<Result<TicketView>> Reopen(Actor actor, ReopenTicket command) => Execute(actor, TicketRules.Validate(command), change =>
    {
        if (Refuse(change, TicketRight.Reopen) is { } refused)
        {
            return refused;
        }

        change.EnrolActingStaff();
        MoveTo(change, TicketStatus.Open, command.Reason);
        return null;
    });

    public Task<Result<TicketView>> ChangePriority(Actor actor, ChangePriority command) => Execute(actor, invalid: null, change =>
    {
        if (Refuse(change, TicketRight.ChangePriority) is { } refused)
        {
            return refused;
        }

        var from = change.Before.Priority;
        if (from == command.Priority)
        {
            return null;
        }

        change.EnrolActingStaff();
        change.Apply(t => t with { Priority = command.Priority });
        change.Record(TicketEventType.PriorityChanged, new Change<TicketPriority>(from, command.Priority));
        return null;
    });

    private static void MoveTo(TicketChange change, TicketStatus to, string? reason)
    {
        var from = change.After.Status;
        var (resolvedAt, closedAt) = TicketLifecycle.Timestamps(to, change.After.ResolvedAt, change.After.ClosedAt, change.Now);
        change.Apply(t => t with { Status = to, ResolvedAt = resolvedAt, ClosedAt = closedAt });
        change.Record(TicketEventType.StatusChanged, new StatusChangedPayload(from, to, reason));
    }
}
