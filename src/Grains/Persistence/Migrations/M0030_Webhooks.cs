using System.Data;
using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// The event outbox (one entry per ticket commit, written in that commit), webhook endpoints with sealed secrets, and
/// the per-endpoint delivery queue that is also the delivery log.
/// </summary>
[Migration(30, "Event outbox and webhooks")]
public sealed class M0030_Webhooks : Migration
{
    public override void Up()
    {
        Create.Table("event_outbox")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ticket_number").AsString(32).NotNullable()
            .WithColumn("from_seq").AsInt64().NotNullable()
            .WithColumn("to_seq").AsInt64().NotNullable();

        Create.Table("webhooks")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("url").AsString(2048).NotNullable()
            .WithColumn("description").AsString(1000).Nullable()
            .WithColumn("events").AsString(int.MaxValue).NotNullable()
            .WithColumn("include_internal").AsBoolean().NotNullable()
            .WithColumn("secret").AsString(512).NotNullable()
            .WithColumn("previous_secret").AsString(512).Nullable()
            .WithColumn("previous_secret_expires_at").AsTimestamp().Nullable()
            .WithColumn("created_at").AsTimestamp().NotNullable()
            .WithColumn("updated_at").AsTimestamp().NotNullable();
        Create.Index("ix_webhooks_created").OnTable("webhooks").OnColumn("created_at").Ascending().OnColumn("id").Ascending();

        Create.Table("webhook_deliveries")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("webhook_id").AsGuid().NotNullable().ForeignKey("fk_webhook_deliveries_webhook", "webhooks", "id").OnDelete(Rule.Cascade)
            .WithColumn("ticket_number").AsString(32).NotNullable()
            .WithColumn("seq").AsInt64().NotNullable()
            .WithColumn("type").AsString(48).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("last_status_code").AsInt32().Nullable()
            .WithColumn("last_error").AsString(1000).Nullable()
            .WithColumn("last_attempt_at").AsTimestamp().Nullable()
            .WithColumn("next_attempt_at").AsTimestamp().Nullable()
            .WithColumn("give_up_at").AsTimestamp().NotNullable()
            .WithColumn("created_at").AsTimestamp().NotNullable();

        // One delivery per event and endpoint; also the index of the per-ticket order check.
        Create.Index("ux_webhook_deliveries_event").OnTable("webhook_deliveries")
            .OnColumn("webhook_id").Ascending().OnColumn("ticket_number").Ascending().OnColumn("seq").Ascending().WithOptions().Unique();
        Create.Index("ix_webhook_deliveries_log").OnTable("webhook_deliveries")
            .OnColumn("webhook_id").Ascending().OnColumn("created_at").Ascending().OnColumn("id").Ascending();

        // The same partial-index text works in both dialects: only unfinished deliveries are ever due.
        Execute.Sql("CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at, webhook_id) WHERE status IN ('PENDING', 'RETRYING')");
    }

    public override void Down()
    {
        Delete.Table("webhook_deliveries");
        Delete.Table("webhooks");
        Delete.Table("event_outbox");
    }
}
