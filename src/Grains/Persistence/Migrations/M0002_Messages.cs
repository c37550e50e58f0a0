using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>The conversation: messages (positioned by the seq of the event that posted them) and per-user read pointers.</summary>
[Migration(2, "Messages and message read pointers")]
public sealed class M0002_Messages : Migration
{
    public override void Up()
    {
        Create.Table("messages")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("ticket_number").AsString(32).NotNullable().ForeignKey("fk_messages_ticket", "tickets", "number")
            .WithColumn("seq").AsInt64().NotNullable()
            .WithColumn("author_id").AsGuid().NotNullable().ForeignKey("fk_messages_author", "users", "id")
            .WithColumn("content").AsString(int.MaxValue).Nullable()
            .WithColumn("visibility").AsString(16).NotNullable()
            .WithColumn("created_at").AsTimestamp().NotNullable()
            .WithColumn("edited_at").AsTimestamp().Nullable()
            .WithColumn("deleted_at").AsTimestamp().Nullable()
            .WithColumn("deleted_by").AsGuid().Nullable().ForeignKey("fk_messages_deleted_by", "users", "id");

        Create.Index("ux_messages_ticket_seq").OnTable("messages").OnColumn("ticket_number").Ascending().OnColumn("seq").Ascending().WithOptions().Unique();

        Create.Table("message_reads")
            .WithColumn("ticket_number").AsString(32).PrimaryKey().ForeignKey("fk_message_reads_ticket", "tickets", "number")
            .WithColumn("user_id").AsGuid().PrimaryKey().ForeignKey("fk_message_reads_user", "users", "id")
            .WithColumn("last_read_seq").AsInt64().NotNullable()
            .WithColumn("read_at").AsTimestamp().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("message_reads");
        Delete.Table("messages");
    }
}
