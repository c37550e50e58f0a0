using FluentMigrator;
using FluentMigrator.Builders.Create.Table;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>Users, categories, tickets with their participants and events, and the ticket number counters.</summary>
[Migration(1, "Initial schema: users, categories, tickets, participants, events, ticket counters")]
public sealed class M0001_InitialSchema : Migration
{
    private bool _onSqlite;

    public override void Up()
    {
        IfDatabase("SQLite").Delegate(() => _onSqlite = true);

        Create.Table("users")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("subject").AsString(255).NotNullable().Unique("ux_users_subject")
            .WithColumn("email").AsString(320).Nullable()
            .WithColumn("name").AsString(200).Nullable()
            .WithColumn("name_set_by_user").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("role").AsString(16).NotNullable()
            .WithColumn("active").AsBoolean().NotNullable()
            .WithColumn("created_at").AsTimestamp(_onSqlite).NotNullable()
            .WithColumn("updated_at").AsTimestamp(_onSqlite).NotNullable();

        Create.Table("categories")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("name_key").AsString(100).NotNullable().Unique("ux_categories_name_key")
            .WithColumn("description").AsString(1000).Nullable()
            .WithColumn("active").AsBoolean().NotNullable()
            .WithColumn("sort_order").AsInt32().NotNullable()
            .WithColumn("created_at").AsTimestamp(_onSqlite).NotNullable();

        Create.Table("tickets")
            .WithColumn("number").AsString(32).PrimaryKey()
            .WithColumn("title").AsString(200).NotNullable()
            .WithColumn("description").AsString(int.MaxValue).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("priority").AsInt16().NotNullable()
            .WithColumn("category_id").AsGuid().Nullable().ForeignKey("fk_tickets_category", "categories", "id")
            .WithColumn("requester_id").AsGuid().NotNullable().ForeignKey("fk_tickets_requester", "users", "id")
            .WithColumn("assignee_id").AsGuid().Nullable().ForeignKey("fk_tickets_assignee", "users", "id")
            .WithColumn("priority_locked").AsBoolean().NotNullable()
            .WithColumn("category_locked").AsBoolean().NotNullable()
            .WithColumn("assignment_locked").AsBoolean().NotNullable()
            .WithColumn("archived").AsBoolean().NotNullable()
            .WithColumn("created_at").AsTimestamp(_onSqlite).NotNullable()
            .WithColumn("updated_at").AsTimestamp(_onSqlite).NotNullable()
            .WithColumn("resolved_at").AsTimestamp(_onSqlite).Nullable()
            .WithColumn("closed_at").AsTimestamp(_onSqlite).Nullable()
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("last_seq").AsInt64().NotNullable();

        Create.Index("ix_tickets_created").OnTable("tickets").OnColumn("created_at").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_updated").OnTable("tickets").OnColumn("updated_at").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_priority").OnTable("tickets").OnColumn("priority").Ascending().OnColumn("number").Ascending();
        Create.Index("ix_tickets_requester").OnTable("tickets").OnColumn("requester_id");
        Create.Index("ix_tickets_assignee").OnTable("tickets").OnColumn("assignee_id");
        Create.Index("ix_tickets_status").OnTable("tickets").OnColumn("status");
        Create.Index("ix_tickets_category").OnTable("tickets").OnColumn("category_id");

        Create.Table("participants")
            .WithColumn("ticket_number").AsString(32).PrimaryKey().ForeignKey("fk_participants_ticket", "tickets", "number")
            .WithColumn("user_id").AsGuid().PrimaryKey().ForeignKey("fk_participants_user", "users", "id")
            .WithColumn("role").AsString(16).NotNullable()
            .WithColumn("can_edit").AsBoolean().NotNullable()
            .WithColumn("can_comment").AsBoolean().NotNullable()
            .WithColumn("joined_at").AsTimestamp(_onSqlite).NotNullable();

        Create.Index("ix_participants_user").OnTable("participants").OnColumn("user_id").Ascending().OnColumn("ticket_number").Ascending();

        Create.Table("events")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ticket_number").AsString(32).NotNullable().ForeignKey("fk_events_ticket", "tickets", "number")
            .WithColumn("seq").AsInt64().NotNullable()
            .WithColumn("type").AsString(48).NotNullable()
            .WithColumn("actor_id").AsGuid().NotNullable()
            .WithColumn("visibility").AsString(16).NotNullable()
            .WithColumn("subject_id").AsGuid().Nullable()
            .WithColumn("payload").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_at").AsTimestamp(_onSqlite).NotNullable();

        Create.Index("ux_events_ticket_seq").OnTable("events").OnColumn("ticket_number").Ascending().OnColumn("seq").Ascending().WithOptions().Unique();
        Create.Index("ix_events_actor").OnTable("events").OnColumn("actor_id").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_events_type").OnTable("events").OnColumn("type").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_events_created").OnTable("events").OnColumn("created_at");

        Create.Table("ticket_counters")
            .WithColumn("year").AsInt32().PrimaryKey()
            .WithColumn("reserved_through").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("ticket_counters");
        Delete.Table("events");
        Delete.Table("participants");
        Delete.Table("tickets");
        Delete.Table("categories");
        Delete.Table("users");
    }
}

/// <summary>
/// A UTC timestamp column: timestamptz on PostgreSQL; TEXT on SQLite, whose FluentMigrator type map has no
/// DateTimeOffset (Microsoft.Data.Sqlite stores it as ISO-8601 text, which sorts correctly at offset zero).
/// </summary>
internal static class TimestampColumn
{
    public static ICreateTableColumnOptionOrWithColumnSyntax AsTimestamp(this ICreateTableColumnAsTypeSyntax column, bool onSqlite) =>
        onSqlite ? column.AsCustom("TEXT") : column.AsDateTimeOffset();
}
