using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>Invitations to tickets, indexed for the ticket's list, the invitee's list and the expiry scan.</summary>
[Migration(3, "Invitations")]
public sealed class M0003_Invitations : Migration
{
    public override void Up()
    {
        Create.Table("invitations")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("ticket_number").AsString(32).NotNullable().ForeignKey("fk_invitations_ticket", "tickets", "number")
            .WithColumn("inviter_id").AsGuid().NotNullable().ForeignKey("fk_invitations_inviter", "users", "id")
            .WithColumn("invitee_id").AsGuid().NotNullable().ForeignKey("fk_invitations_invitee", "users", "id")
            .WithColumn("can_edit").AsBoolean().NotNullable()
            .WithColumn("can_comment").AsBoolean().NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("message").AsString(1000).Nullable()
            .WithColumn("created_at").AsTimestamp().NotNullable()
            .WithColumn("expires_at").AsTimestamp().NotNullable()
            .WithColumn("responded_at").AsTimestamp().Nullable()
            .WithColumn("cancel_reason").AsString(32).Nullable();

        Create.Index("ix_invitations_ticket").OnTable("invitations")
            .OnColumn("ticket_number").Ascending().OnColumn("created_at").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_invitations_invitee").OnTable("invitations")
            .OnColumn("invitee_id").Ascending().OnColumn("status").Ascending().OnColumn("created_at").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_invitations_due").OnTable("invitations")
            .OnColumn("status").Ascending().OnColumn("expires_at").Ascending();

        // The same partial-index text works in both dialects; the ticket's grain already guarantees it.
        Execute.Sql("CREATE UNIQUE INDEX ux_invitations_pending ON invitations (ticket_number, invitee_id) WHERE status = 'PENDING'");
    }

    public override void Down() => Delete.Table("invitations");
}
