using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>The delivery-log purge reads finished deliveries by the time of their last attempt.</summary>
[Migration(31, "Webhook delivery log retention index")]
public sealed class M0031_WebhookLogRetention : Migration
{
    public override void Up() =>
        // The same partial-index text works in both dialects.
        Execute.Sql("CREATE INDEX ix_webhook_deliveries_finished ON webhook_deliveries (last_attempt_at) WHERE status IN ('SUCCEEDED', 'DEAD')");

    public override void Down() => Delete.Index("ix_webhook_deliveries_finished").OnTable("webhook_deliveries");
}
