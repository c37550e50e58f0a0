using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;
using TicketPlatform.Idempotency;

namespace TicketPlatform.Webhooks;

/// <summary>
/// The webhooks and their delivery queue. Deliveries are made from the event outbox (rows written in each ticket's
/// commit) and handed out per endpoint in seq order per ticket: only the earliest unfinished delivery of a ticket is ever due.
/// </summary>
internal sealed class WebhookStore(Database database, IdempotencyStore idempotency)
{
    private static readonly string Pending = EnumText.Of(WebhookDeliveryStatus.Pending);
    private static readonly string Retrying = EnumText.Of(WebhookDeliveryStatus.Retrying);

    /// <summary>A delivery of the endpoint that is unfinished and has no unfinished delivery of an earlier event of its ticket.</summary>
    private const string HeadOfTicket = """
        d.webhook_id = @webhookId AND d.status IN (@Pending, @Retrying)
        AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries p
            WHERE p.webhook_id = d.webhook_id AND p.ticket_number = d.ticket_number AND p.seq < d.seq AND p.status IN (@Pending, @Retrying))
        """;

    public Task<WebhookRecord?> Find(Guid id) => database.ReadAsync(async connection =>
        (await connection.QuerySingleOrDefaultAsync<WebhookRow>($"SELECT {WebhookRow.Columns} FROM webhooks WHERE id = @id", new { id }))?.ToRecord());

    public Task Insert(WebhookRecord webhook) => idempotency.WriteEffectAsync((connection, transaction) => connection.ExecuteAsync(
        $"""
        INSERT INTO webhooks ({WebhookRow.Columns})
        VALUES (@Id, @Url, @Description, @Events, @IncludeInternal, @Secret, @PreviousSecret, @PreviousSecretExpiresAt, @CreatedAt, @UpdatedAt)
        """,
        WebhookRow.Parameters(webhook), transaction));

    public Task Update(WebhookRecord webhook) => idempotency.WriteEffectAsync((connection, transaction) => connection.ExecuteAsync(
        """
        UPDATE webhooks SET url = @Url, description = @Description, events = @Events, include_internal = @IncludeInternal, secret = @Secret,
            previous_secret = @PreviousSecret, previous_secret_expires_at = @PreviousSecretExpiresAt, updated_at = @UpdatedAt
        WHERE id = @Id
        """,
        WebhookRow.Parameters(webhook), transaction));

    /// <summary>Deletes the endpoint; its deliveries go with it (cascade).</summary>
    public Task Delete(Guid id) => database.WriteAsync((connection, transaction) =>
        connection.ExecuteAsync("DELETE FROM webhooks WHERE id = @id", new { id }, transaction));

    public Task<Page<WebhookView>> List(WebhookListQuery query, (DateTimeOffset CreatedAt, Guid Id)? after) => database.ReadAsync(async connection =>
    {
        long? total = query.IncludeTotal ? await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhooks") : null;
        var rows = (await connection.QueryAsync<WebhookRow>(
            $"SELECT {WebhookRow.Columns} FROM webhooks WHERE {NewestFirst.After(after)} ORDER BY created_at DESC, id DESC LIMIT @take",
            NewestFirst.Parameters(after, query.Limit))).ToList();
        return Paging.Cut(rows.Select(row => row.ToRecord().ToView()).ToList(), query.Limit, last => Cursor.OfCreation(last.CreatedAt, last.Id), total);
    });

    public Task<Page<WebhookDeliveryView>> ListDeliveries(Guid webhookId, WebhookListQuery query, (DateTimeOffset CreatedAt, Guid Id)? after) =>
        database.ReadAsync(async connection =>
        {
            var parameters = NewestFirst.Parameters(after, query.Limit);
            parameters.Add("webhookId", webhookId);
            long? total = query.IncludeTotal
                ? await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = @webhookId", parameters)
                : null;
            var rows = (await connection.QueryAsync<DeliveryRow>(
                $"""
                SELECT {DeliveryRow.Columns} FROM webhook_deliveries d
                WHERE d.webhook_id = @webhookId AND {NewestFirst.After(after, "d.")}
                ORDER BY d.created_at DESC, d.id DESC LIMIT @take
                """,
                parameters)).ToList();
            return Paging.Cut(rows.Select(row => row.ToView()).ToList(), query.Limit, last => Cursor.OfCreation(last.CreatedAt, last.Id), total);
        });

    public Task<WebhookDeliveryView?> FindDelivery(Guid webhookId, Guid id) => database.ReadAsync(async connection =>
        (await connection.QuerySingleOrDefaultAsync<DeliveryRow>(
            $"SELECT {DeliveryRow.Columns} FROM webhook_deliveries d WHERE d.webhook_id = @webhookId AND d.id = @id", new { webhookId, id }))?.ToView());

    /// <summary>Queues a delivery again, due now, with a new retry window; it keeps its id (the webhook-id) and its attempt count.</summary>
    public Task<bool> Redeliver(Guid webhookId, Guid id, DateTimeOffset now, DateTimeOffset giveUpAt) => idempotency.WriteEffectAsync(async (connection, transaction) =>
        await connection.ExecuteAsync(
            "UPDATE webhook_deliveries SET status = @Pending, next_attempt_at = @now, give_up_at = @giveUpAt WHERE webhook_id = @webhookId AND id = @id",
            new { Pending, now, giveUpAt, webhookId, id }, transaction) == 1, queued => queued);

    /// <summary>
    /// Moves up to <paramref name="take"/> outbox entries (one per ticket commit) into deliveries for every endpoint that
    /// wants their events, and removes them from the outbox, in one transaction. Returns the entries taken and the endpoints served.
    /// </summary>
    public Task<(int Taken, Guid[] Webhooks)> Dispatch(DateTimeOffset now, TimeSpan retryWindow, int take) => database.WriteAsync(async (connection, transaction) =>
    {
        var outbox = (await connection.QueryAsync<long>("SELECT id FROM event_outbox ORDER BY id LIMIT @take", new { take }, transaction)).ToArray();
        if (outbox.Length == 0)
        {
            return (0, Array.Empty<Guid>());
        }

        var events = await connection.QueryAsync<(string TicketNumber, long Seq, string Type, string Visibility)>(
            $"""
            SELECT e.ticket_number, e.seq, e.type, e.visibility
            FROM event_outbox o JOIN events e ON e.ticket_number = o.ticket_number AND e.seq BETWEEN o.from_seq AND o.to_seq
            WHERE {database.Dialect.IsAnyOf("o.id", "@outbox")}
            """,
            new { outbox }, transaction);
        var webhooks = (await connection.QueryAsync<WebhookRow>($"SELECT {WebhookRow.Columns} FROM webhooks", transaction: transaction))
            .Select(row => row.ToRecord()).ToArray();
        var deliveries = (
            from e in events
            from w in webhooks
            where w.Wants(e.Type, e.Visibility)
            select new
            {
                Id = Guid.CreateVersion7(now),
                WebhookId = w.Id,
                e.TicketNumber,
                e.Seq,
                e.Type,
                Status = Pending,
                Now = now,
                GiveUpAt = now + retryWindow,
            }).ToList();
        await connection.ExecuteAsync(
            """
            INSERT INTO webhook_deliveries (id, webhook_id, ticket_number, seq, type, status, attempts, next_attempt_at, give_up_at, created_at)
            VALUES (@Id, @WebhookId, @TicketNumber, @Seq, @Type, @Status, 0, @Now, @GiveUpAt, @Now)
            ON CONFLICT (webhook_id, ticket_number, seq) DO NOTHING
            """,
            deliveries, transaction);
        await connection.ExecuteAsync($"DELETE FROM event_outbox WHERE {database.Dialect.IsAnyOf("id", "@outbox")}", new { outbox }, transaction);
        return (outbox.Length, deliveries.Select(d => d.WebhookId).Distinct().ToArray());
    });

    /// <summary>The endpoints with a delivery due at <paramref name="now"/>: the schedule wakes their deliverers.</summary>
    public Task<Guid[]> WebhooksWithDue(DateTimeOffset now, int take) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<Guid>(
            "SELECT DISTINCT webhook_id FROM webhook_deliveries WHERE status IN (@Pending, @Retrying) AND next_attempt_at <= @now LIMIT @take",
            new { Pending, Retrying, now, take })).ToArray());

    /// <summary>Up to <paramref name="take"/> deliveries of the endpoint due now, at most one per ticket (its earliest unfinished event).</summary>
    public Task<DueDeliveryRow[]> DueHeads(Guid webhookId, DateTimeOffset now, int take) => database.ReadAsync(async connection =>
        (await connection.QueryAsync<DueDeliveryRow>(
            $"""
            SELECT {DeliveryRow.Columns}, e.actor_id, e.visibility, e.payload, e.created_at AS event_created_at
            FROM webhook_deliveries d JOIN events e ON e.ticket_number = d.ticket_number AND e.seq = d.seq
            WHERE {HeadOfTicket} AND d.next_attempt_at <= @now
            ORDER BY d.next_attempt_at, d.seq
            LIMIT @take
            """,
            new { webhookId, Pending, Retrying, now, take })).ToArray());

    /// <summary>When the endpoint's next delivery falls due, if it has any unfinished.</summary>
    public Task<DateTimeOffset?> NextDue(Guid webhookId) => database.ReadAsync(connection =>
        connection.QuerySingleAsync<DateTimeOffset?>(
            $"SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d WHERE {HeadOfTicket}", new { webhookId, Pending, Retrying }));

    /// <summary>How many of the endpoint's deliveries are unfinished.</summary>
    public Task<long> Backlog(Guid webhookId) => database.ReadAsync(connection =>
        connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = @webhookId AND status IN (@Pending, @Retrying)",
            new { webhookId, Pending, Retrying }));

    /// <summary>Removes the finished (SUCCEEDED or DEAD) deliveries whose last attempt was before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> PurgeLog(DateTimeOffset cutoff) => database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
        "DELETE FROM webhook_deliveries WHERE status IN (@Succeeded, @Dead) AND last_attempt_at < @cutoff",
        new { Succeeded = EnumText.Of(WebhookDeliveryStatus.Succeeded), Dead = EnumText.Of(WebhookDeliveryStatus.Dead), cutoff },
        transaction));

    /// <summary>Records an attempt, unless another deliverer recorded one for this delivery first (then nothing changes).</summary>
    public Task Record(DeliveryAttempt attempt) => database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
        """
        UPDATE webhook_deliveries SET status = @Status, attempts = attempts + @Counted, last_status_code = @StatusCode, last_error = @Error,
            last_attempt_at = COALESCE(@AttemptAt, last_attempt_at), next_attempt_at = @NextAttemptAt
        WHERE id = @Id AND attempts = @AttemptsBefore
        """,
        new
        {
            attempt.Id,
            Status = EnumText.Of(attempt.Status),
            Counted = attempt.Counted ? 1 : 0,
            attempt.StatusCode,
            attempt.Error,
            attempt.AttemptAt,
            attempt.NextAttemptAt,
            attempt.AttemptsBefore,
        },
        transaction));
}

/// <summary>What became of one try to deliver: the new status, and whether it counts as an attempt (a circuit kept open does not).</summary>
internal sealed record DeliveryAttempt(
    Guid Id,
    int AttemptsBefore,
    WebhookDeliveryStatus Status,
    bool Counted,
    int? StatusCode,
    string? Error,
    DateTimeOffset? AttemptAt,
    DateTimeOffset? NextAttemptAt);
