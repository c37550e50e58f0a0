using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// What a USER sees of a ticket's change history: a version and an updatedAt that move only with commits that
/// record an event a USER can see. Existing tickets start from their full version and updatedAt.
/// </summary>
[Migration(11, "Public version and updated_at of tickets")]
public sealed class M0011_PublicVersion : Migration
{
    public override void Up()
    {
        Alter.Table("tickets")
            .AddColumn("public_version").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("public_updated_at").AsCustom("timestamptz").Nullable();
        Execute.Sql("UPDATE tickets SET public_version = version, public_updated_at = updated_at");
    }

    public override void Down()
    {
        Delete.Column("public_updated_at").FromTable("tickets");
        Delete.Column("public_version").FromTable("tickets");
    }
}
