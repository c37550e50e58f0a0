using Microsoft.Extensions.Options;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Webhooks;

/// <summary>
/// One webhook endpoint: the single writer of its row (commands here) and its single deliverer (WebhookGrain.Delivery).
/// ADMIN only; an endpoint that does not exist is NOT_FOUND.
/// </summary>
internal sealed partial class WebhookGrain(
    WebhookStore store, WebhookSecrets secrets, WebhookTargets targets, WebhookSender sender, WebhookMetrics metrics,
    Clock clock, IOptions<WebhookOptions> options, Microsoft.Extensions.Logging.ILogger<WebhookGrain> logger)
    : Grain, IWebhookGrain
{
    private WebhookRecord? _webhook;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _webhook = await store.Find(Id);

    public async Task<Result<WebhookView>> Create(Actor actor, CreateWebhook command)
    {
        var invalid = NotAdmin(actor) ?? new FieldErrors()
            .OptionalText("description", command.Description, WebhookRules.MaxDescriptionLength)
            .Events(command.Events).ToError() ?? await targets.Check(command.Url);
        if (invalid is not null)
        {
            return invalid;
        }

        if (_webhook is not null)
        {
            return DomainError.Conflict("This webhook already exists.");
        }

        var now = clock.Now();
        var secret = WebhookSecrets.NewSecret();
        var webhook = new WebhookRecord(
            Id, command.Url!, WebhookRules.DescriptionOf(command.Description), WebhookRules.Distinct(command.Events!), command.IncludeInternal,
            secrets.Protect(Id, secret), SealedPreviousSecret: null, PreviousSecretExpiresAt: null, now, now);
        await store.Insert(webhook);
        _webhook = webhook;
        return webhook.ToView(secret);
    }

    public Task<Result<WebhookView>> Get(Actor actor) =>
        Task.FromResult(Existing(actor) is { } refused ? refused : new Result<WebhookView>(_webhook!.ToView(), null));

    public async Task<Result<WebhookView>> Edit(Actor actor, EditWebhook command)
    {
        var errors = new FieldErrors().OptionalText("description", command.Description, WebhookRules.MaxDescriptionLength);
        if (command.Events is not null)
        {
            errors.Events(command.Events);
        }

        var invalid = Existing(actor) ?? errors.ToError() ?? (command.Url is null ? null : await targets.Check(command.Url));
        if (invalid is not null)
        {
            return invalid;
        }

        var before = _webhook!;
        var edited = before with
        {
            Url = command.Url ?? before.Url,
            Description = command.Description is null ? before.Description : WebhookRules.DescriptionOf(command.Description),
            Events = command.Events is null ? before.Events : WebhookRules.Distinct(command.Events),
            IncludeInternal = command.IncludeInternal ?? before.IncludeInternal,
        };
        if (edited.Events.SequenceEqual(before.Events) && edited with { Events = before.Events } == before)
        {
            // An edit that changes nothing is answered without a write, so updatedAt keeps naming the last real change.
            return before.ToView();
        }

        var webhook = edited with { UpdatedAt = clock.Now() };
        await store.Update(webhook);
        _webhook = webhook;
        return webhook.ToView();
    }

    public async Task<Result<bool>> Delete(Actor actor)
    {
        if (Existing(actor) is { } refused)
        {
            return refused;
        }

        await store.Delete(Id);
        _webhook = null;
        metrics.Forget(Id);
        return true;
    }

    public async Task<Result<WebhookView>> RotateSecret(Actor actor)
    {
        if (Existing(actor) is { } refused)
        {
            return refused;
        }

        var now = clock.Now();
        var secret = WebhookSecrets.NewSecret();
        var webhook = _webhook! with
        {
            SealedSecret = secrets.Protect(Id, secret),
            SealedPreviousSecret = _webhook.SealedSecret,
            PreviousSecretExpiresAt = now + options.Value.SecretOverlap,
            UpdatedAt = now,
        };
        await store.Update(webhook);
        _webhook = webhook;
        return webhook.ToView(secret);
    }

    public async Task<Result<WebhookPingResult>> Ping(Actor actor)
    {
        if (Existing(actor) is { } refused)
        {
            return refused;
        }

        var now = clock.Now();
        var outcome = await sender.Send(Id, _webhook!.Url, SigningSecrets(_webhook, now), WebhookMessage.Ping(Id, now), now);
        return new WebhookPingResult(outcome.Result == SendResult.Succeeded, outcome.StatusCode, outcome.Error, outcome.Duration.TotalMilliseconds);
    }

    public async Task<Result<Page<WebhookDeliveryView>>> ListDeliveries(Actor actor, WebhookListQuery query)
    {
        if (Existing(actor) is { } refused)
        {
            return refused;
        }

        return NewestFirst.Validate(query, out var after) is { } invalid ? invalid : await store.ListDeliveries(Id, query, after);
    }

    public async Task<Result<WebhookDeliveryView>> Redeliver(Actor actor, Guid deliveryId)
    {
        if (Existing(actor) is { } refused)
        {
            return refused;
        }

        var now = clock.Now();
        if (!await store.Redeliver(Id, deliveryId, now, now + options.Value.RetryWindow))
        {
            return DomainError.NotFound("Delivery");
        }

        StartDelivering();
        return (await store.FindDelivery(Id, deliveryId))!;
    }

    internal static DomainError? NotAdmin(Actor actor) =>
        actor.IsAdmin ? null : DomainError.Forbidden("Webhooks are for ADMINs.", AccessReasons.Role);

    private DomainError? Existing(Actor actor) => NotAdmin(actor) ?? (_webhook is null ? DomainError.NotFound("Webhook") : null);

    /// <summary>The secrets to sign with now: the current one, and the previous one while its overlap lasts.</summary>
    private List<string> SigningSecrets(WebhookRecord webhook, DateTimeOffset now)
    {
        List<string> signing = [secrets.Unprotect(Id, webhook.SealedSecret)];
        if (webhook.SealedPreviousSecret is { } previous && webhook.PreviousSecretExpiresAt > now)
        {
            signing.Add(secrets.Unprotect(Id, previous));
        }

        return signing;
    }
}
