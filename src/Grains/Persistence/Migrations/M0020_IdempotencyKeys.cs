using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// Idempotency keys: written (without a response) in the transaction of the effect a keyed POST had, then completed
/// with the response to replay. The purge reads them by <c>created_at</c>.
/// </summary>
[Migration(20, "Idempotency keys")]
public sealed class M0020_IdempotencyKeys : Migration
{
    public override void Up()
    {
        Create.Table("idempotency_keys")
            .WithColumn("caller_id").AsGuid().PrimaryKey()
            .WithColumn("idempotency_key").AsString(255).PrimaryKey()
            .WithColumn("fingerprint").AsString(64).NotNullable()
            .WithColumn("created_at").AsTimestamp().NotNullable()
            .WithColumn("response_status").AsInt32().Nullable()
            .WithColumn("response_content_type").AsString(255).Nullable()
            .WithColumn("response_location").AsString(2048).Nullable()
            .WithColumn("response_body").AsBinary(int.MaxValue).Nullable();

        Create.Index("ix_idempotency_keys_created").OnTable("idempotency_keys").OnColumn("created_at").Ascending();
    }

    public override void Down() => Delete.Table("idempotency_keys");
}
