using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// The counters (migration 62) are keyed by status, priority, category and assignee together, so a total filtered by
/// one of the later columns read every counter row (about 20,000 at 10⁶ tickets). One index per such column makes it
/// read only its own rows. <c>tickets</c> stays out of them: a counter update then changes no indexed column.
/// </summary>
[Migration(89, "Ticket counter indexes: (archived, priority | category_id | assignee_id)")]
public sealed class M0089_TicketCountIndexes : Migration
{
    private static readonly (string Name, string Column)[] Indexes =
    [
        ("ix_ticket_counts_priority", "priority"),
        ("ix_ticket_counts_category", "category_id"),
        ("ix_ticket_counts_assignee", "assignee_id"),
    ];

    public override void Up()
    {
        foreach (var (name, column) in Indexes)
        {
            Create.Index(name).OnTable("ticket_counts").OnColumn("archived").Ascending().OnColumn(column).Ascending();
        }
    }

    public override void Down()
    {
        foreach (var (name, _) in Indexes)
        {
            Delete.Index(name).OnTable("ticket_counts");
        }
    }
}
