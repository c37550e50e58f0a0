using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// A ticket's SLA clocks live in its row, written by the same fenced statement as the rest of it: the clocks as one
/// JSON object, plus the columns lists sort, filter and count by (<c>sla_due_at</c>, the next breach moment or a
/// far-future key; <c>sla_state</c>, BREACHED / AT_RISK / RUNNING or null). Tickets opened before have no clocks.
/// </summary>
[Migration(72, "SLA clocks in the ticket row")]
public sealed class M0072_TicketSla : Migration
{
    public override void Up()
    {
        Alter.Table("tickets")
            .AddColumn("sla").AsString(int.MaxValue).Nullable()
            .AddColumn("sla_due_at").AsCustom("timestamptz").Nullable()
            .AddColumn("sla_state").AsString(16).Nullable();

        // The same far-future key the store writes (SlaColumns.NoDue), in each driver's text of it.
        IfDatabase(Dialects.IsPostgres).Execute.Sql("UPDATE tickets SET sla_due_at = '9999-12-31T00:00:00Z'");
        IfDatabase(Dialects.IsSqlite).Execute.Sql("UPDATE tickets SET sla_due_at = '9999-12-31 00:00:00+00:00'");

        Create.Index("ix_tickets_list_sla_due").OnTable("tickets")
            .OnColumn("archived").Ascending().OnColumn("sla_due_at").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_sla_state_due").OnTable("tickets")
            .OnColumn("archived").Ascending().OnColumn("sla_state").Ascending().OnColumn("sla_due_at").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_sla_state_created").OnTable("tickets")
            .OnColumn("archived").Ascending().OnColumn("sla_state").Ascending().OnColumn("created_at").Ascending().OnColumn("number").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_tickets_sla_state_created").OnTable("tickets");
        Delete.Index("ix_tickets_sla_state_due").OnTable("tickets");
        Delete.Index("ix_tickets_list_sla_due").OnTable("tickets");
        Delete.Column("sla_state").FromTable("tickets");
        Delete.Column("sla_due_at").FromTable("tickets");
        Delete.Column("sla").FromTable("tickets");
    }
}
