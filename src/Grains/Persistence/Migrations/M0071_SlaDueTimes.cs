using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// The SLA due index: one row per warning or breach still to come on a ticket's counting clock, rewritten in the
/// ticket's commit. The scan reads it by <c>due_at</c>, so its cost follows the clocks that are due, not the tickets.
/// </summary>
[Migration(71, "SLA due times")]
public sealed class M0071_SlaDueTimes : Migration
{
    public override void Up()
    {
        Create.Table("sla_due_times")
            .WithColumn("ticket_number").AsString(32).PrimaryKey().ForeignKey("fk_sla_due_times_ticket", "tickets", "number")
            .WithColumn("kind").AsString(32).PrimaryKey()
            .WithColumn("due").AsString(16).PrimaryKey()
            .WithColumn("due_at").AsTimestamp().NotNullable();

        Create.Index("ix_sla_due_times_due_at").OnTable("sla_due_times")
            .OnColumn("due_at").Ascending().OnColumn("ticket_number").Ascending();
    }

    public override void Down() => Delete.Table("sla_due_times");
}
