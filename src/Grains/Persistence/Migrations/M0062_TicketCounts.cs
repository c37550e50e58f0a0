using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// Exact ticket counts per (archived, status, priority, category, assignee), kept by triggers on <c>tickets</c> in the
/// transaction that changes the ticket, so the grain's commit path writes nothing extra and a count can never
/// disagree with the rows. The number of counter rows is bounded by the product of those values, not by the number
/// of tickets, which is what keeps queue totals and stats flat. On PostgreSQL a status change moves one ticket
/// between two rows in one statement, in key order, so two opposite moves cannot deadlock.
/// </summary>
[Migration(62, "Ticket counters kept by triggers: totals of the queue filters and stats")]
public sealed class M0062_TicketCounts : Migration
{
    private const string Key = "archived, status, priority, category_id, assignee_id";

    private static readonly string[] KeyColumns = ["archived", "status", "priority", "category_id", "assignee_id"];

    public override void Up()
    {
        Create.Table("ticket_counts")
            .WithColumn("archived").AsBoolean().NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("priority").AsInt16().NotNullable()
            .WithColumn("category_id").AsGuid().Nullable()
            .WithColumn("assignee_id").AsGuid().Nullable()
            .WithColumn("tickets").AsInt64().NotNullable();

        var postgres = IfDatabase(Dialects.IsPostgres);
        postgres.Execute.Sql($"ALTER TABLE ticket_counts ADD CONSTRAINT ux_ticket_counts UNIQUE NULLS NOT DISTINCT ({Key})");
        postgres.Execute.Sql($"""
            CREATE FUNCTION ticket_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO ticket_counts AS c ({Key}, tickets)
                VALUES (NEW.archived, NEW.status, NEW.priority, NEW.category_id, NEW.assignee_id, 1)
                ON CONFLICT ({Key}) DO UPDATE SET tickets = c.tickets + 1;
              ELSE
                INSERT INTO ticket_counts AS c ({Key}, tickets)
                SELECT {Key}, delta FROM (
                  VALUES (OLD.archived, OLD.status, OLD.priority, OLD.category_id, OLD.assignee_id, -1),
                         (NEW.archived, NEW.status, NEW.priority, NEW.category_id, NEW.assignee_id, 1)
                ) AS d ({Key}, delta)
                ORDER BY {Key}
                ON CONFLICT ({Key}) DO UPDATE SET tickets = c.tickets + excluded.tickets;
              END IF;
              RETURN NULL;
            END $$
            """);
        postgres.Execute.Sql("CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION ticket_counts_apply()");
        postgres.Execute.Sql($"""
            CREATE TRIGGER ticket_counts_update AFTER UPDATE OF {Key} ON tickets FOR EACH ROW
            WHEN ({Changed("OLD", "NEW", "IS DISTINCT FROM")})
            EXECUTE FUNCTION ticket_counts_apply()
            """);

        // SQLite has one writer, so a lookup-then-insert cannot race; IS compares NULLs as equal.
        var sqlite = IfDatabase(Dialects.IsSqlite);
        sqlite.Execute.Sql($"CREATE UNIQUE INDEX ux_ticket_counts ON ticket_counts ({Key})");
        sqlite.Execute.Sql($"""
            CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets BEGIN
              {Add("new", 1)}
            END
            """);
        sqlite.Execute.Sql($"""
            CREATE TRIGGER ticket_counts_update AFTER UPDATE OF {Key} ON tickets
            WHEN {Changed("old", "new", "IS NOT")} BEGIN
              {Add("old", -1)}
              {Add("new", 1)}
            END
            """);

        Execute.Sql($"INSERT INTO ticket_counts ({Key}, tickets) SELECT {Key}, COUNT(*) FROM tickets GROUP BY {Key}");
    }

    public override void Down()
    {
        var postgres = IfDatabase(Dialects.IsPostgres);
        postgres.Execute.Sql("DROP TRIGGER ticket_counts_update ON tickets");
        postgres.Execute.Sql("DROP TRIGGER ticket_counts_insert ON tickets");
        postgres.Execute.Sql("DROP FUNCTION ticket_counts_apply()");
        var sqlite = IfDatabase(Dialects.IsSqlite);
        sqlite.Execute.Sql("DROP TRIGGER ticket_counts_update");
        sqlite.Execute.Sql("DROP TRIGGER ticket_counts_insert");
        Delete.Table("ticket_counts");
    }

    private static string Changed(string before, string after, string differs) =>
        string.Join(" OR ", KeyColumns.Select(column => $"{before}.{column} {differs} {after}.{column}"));

    private static string Add(string row, int delta)
    {
        var match = $"archived = {row}.archived AND status = {row}.status AND priority = {row}.priority " +
            $"AND category_id IS {row}.category_id AND assignee_id IS {row}.assignee_id";
        return $"""
            INSERT INTO ticket_counts ({Key}, tickets) SELECT {row}.archived, {row}.status, {row}.priority, {row}.category_id, {row}.assignee_id, 0
              WHERE NOT EXISTS (SELECT 1 FROM ticket_counts WHERE {match});
              UPDATE ticket_counts SET tickets = tickets + ({delta}) WHERE {match};
            """;
    }
}
