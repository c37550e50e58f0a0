using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>The keyset order of the user lists: oldest first, ties broken by id.</summary>
[Migration(5, "Index of the user lists: created_at, id")]
public sealed class M0005_UserListIndex : Migration
{
    public override void Up() =>
        Create.Index("ix_users_created").OnTable("users").OnColumn("created_at").Ascending().OnColumn("id").Ascending();

    public override void Down() => Delete.Index("ix_users_created").OnTable("users");
}
