using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// One index per list filter and sort: the equality filters lead (archived first, every list has it), then the
/// sort column and the ticket number, so a page is a range read in order and a keyset cursor is an index bound.
/// The list indexes of migration 1 are covered by these and go; ix_tickets_category stays for the category checks.
/// </summary>
[Migration(60, "Ticket list indexes: (archived, filter, sort, number)")]
public sealed class M0060_TicketListIndexes : Migration
{
    private static readonly string[] Replaced =
        ["ix_tickets_created", "ix_tickets_updated", "ix_tickets_priority", "ix_tickets_requester", "ix_tickets_assignee", "ix_tickets_status"];

    /// <summary>(name, leading filter or null, sort column)</summary>
    private static readonly (string Name, string? Filter, string Sort)[] Indexes =
    [
        ("ix_tickets_list_created", null, "created_at"),
        ("ix_tickets_list_updated", null, "updated_at"),
        ("ix_tickets_list_priority", null, "priority"),
        ("ix_tickets_status_created", "status", "created_at"),
        ("ix_tickets_status_updated", "status", "updated_at"),
        ("ix_tickets_status_priority", "status", "priority"),
        ("ix_tickets_assignee_created", "assignee_id", "created_at"),
        ("ix_tickets_assignee_updated", "assignee_id", "updated_at"),
        ("ix_tickets_assignee_priority", "assignee_id", "priority"),
        ("ix_tickets_category_created", "category_id", "created_at"),
        ("ix_tickets_requester_created", "requester_id", "created_at"),
        ("ix_tickets_priority_created", "priority", "created_at"),
    ];

    public override void Up()
    {
        foreach (var name in Replaced)
        {
            Delete.Index(name).OnTable("tickets");
        }

        foreach (var (name, filter, sort) in Indexes)
        {
            var index = Create.Index(name).OnTable("tickets").OnColumn("archived").Ascending();
            if (filter is not null)
            {
                index = index.OnColumn(filter).Ascending();
            }

            index.OnColumn(sort).Ascending().OnColumn("number").Ascending();
        }

        // The audit feed filtered by ticket pages by the global position, newest first.
        Create.Index("ix_events_ticket_id").OnTable("events").OnColumn("ticket_number").Ascending().OnColumn("id").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_events_ticket_id").OnTable("events");
        foreach (var (name, _, _) in Indexes)
        {
            Delete.Index(name).OnTable("tickets");
        }

        Create.Index("ix_tickets_created").OnTable("tickets").OnColumn("created_at").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_updated").OnTable("tickets").OnColumn("updated_at").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_priority").OnTable("tickets").OnColumn("priority").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_requester").OnTable("tickets").OnColumn("requester_id");
        Create.Index("ix_tickets_assignee").OnTable("tickets").OnColumn("assignee_id");
        Create.Index("ix_tickets_status").OnTable("tickets").OnColumn("status");
    }
}
