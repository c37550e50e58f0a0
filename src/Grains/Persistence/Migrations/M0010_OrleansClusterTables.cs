using FluentMigrator;
using TicketPlatform.Persistence.Migrations.Orleans;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// Orleans' own tables for the cluster profile: membership (ADO.NET clustering), reminders, and the
/// <c>OrleansQuery</c> rows those providers read at start. PostgreSQL only: SQLite keeps loopback clustering and
/// in-memory reminders. Every statement is idempotent, so tables made by hand before this migration are adopted.
/// </summary>
[Migration(10, "Orleans ADO.NET clustering and reminder tables with their OrleansQuery rows (PostgreSQL)")]
public sealed class M0010_OrleansClusterTables : Migration
{
    public override void Up()
    {
        var postgres = IfDatabase(Dialects.IsPostgres);
        postgres.Execute.Sql(OrleansTablesSql.QueryTable);
        postgres.Execute.Sql(OrleansTablesSql.Membership);
        postgres.Execute.Sql(OrleansTablesSql.Reminders);
        foreach (var (key, text) in MembershipQueries.All.Concat(ReminderQueries.All))
        {
            postgres.Execute.Sql(OrleansTablesSql.Upsert(key, text));
        }
    }

    public override void Down() => IfDatabase(Dialects.IsPostgres).Execute.Sql(OrleansTablesSql.Drop);
}
