using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>Attachment metadata; the bytes live in the blob store under <c>storage_name</c> until purged after a soft delete.</summary>
[Migration(4, "Attachments")]
public sealed class M0004_Attachments : Migration
{
    public override void Up()
    {
        Create.Table("attachments")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("ticket_number").AsString(32).NotNullable().ForeignKey("fk_attachments_ticket", "tickets", "number")
            .WithColumn("seq").AsInt64().NotNullable()
            .WithColumn("message_id").AsGuid().NotNullable().ForeignKey("fk_attachments_message", "messages", "id")
            .WithColumn("uploader_id").AsGuid().NotNullable().ForeignKey("fk_attachments_uploader", "users", "id")
            .WithColumn("file_name").AsString(255).NotNullable()
            .WithColumn("content_type").AsString(128).NotNullable()
            .WithColumn("size").AsInt64().NotNullable()
            .WithColumn("sha256").AsString(64).NotNullable()
            .WithColumn("storage_name").AsString(64).NotNullable().Unique("ux_attachments_storage_name")
            .WithColumn("created_at").AsTimestamp().NotNullable()
            .WithColumn("deleted_at").AsTimestamp().Nullable()
            .WithColumn("deleted_by").AsGuid().Nullable().ForeignKey("fk_attachments_deleted_by", "users", "id")
            .WithColumn("purged_at").AsTimestamp().Nullable();

        Create.Index("ux_attachments_ticket_seq").OnTable("attachments").OnColumn("ticket_number").Ascending().OnColumn("seq").Ascending().WithOptions().Unique();
        Create.Index("ix_attachments_message").OnTable("attachments").OnColumn("message_id");
        Create.Index("ix_attachments_purge").OnTable("attachments").OnColumn("purged_at").Ascending().OnColumn("deleted_at").Ascending();
    }

    public override void Down() => Delete.Table("attachments");
}
