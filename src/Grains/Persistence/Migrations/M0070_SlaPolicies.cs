using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// SLA policies, written only by their catalog grain. What a policy promises (match, targets, calendar, pauseOn,
/// warnAt) is one JSON object: it is read whole and never queried by its parts.
/// </summary>
[Migration(70, "SLA policies")]
public sealed class M0070_SlaPolicies : Migration
{
    public override void Up() =>
        Create.Table("sla_policies")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("definition").AsString(int.MaxValue).NotNullable()
            .WithColumn("active").AsBoolean().NotNullable()
            .WithColumn("sort_order").AsInt32().NotNullable()
            .WithColumn("created_at").AsTimestamp().NotNullable();

    public override void Down() => Delete.Table("sla_policies");
}
