using FluentMigrator.Builders.Create.Table;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>Column types FluentMigrator cannot map the same way for both dialects.</summary>
internal static class ColumnTypes
{
    /// <summary>
    /// A UTC instant: <c>timestamptz</c> in PostgreSQL; in SQLite the same declared type has NUMERIC affinity,
    /// so the driver's ISO-8601 text is stored as is and sorts chronologically.
    /// </summary>
    public static ICreateTableColumnOptionOrWithColumnSyntax AsTimestamp(this ICreateTableColumnAsTypeSyntax column) =>
        column.AsCustom("timestamptz");
}
