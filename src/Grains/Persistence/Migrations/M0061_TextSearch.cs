using FluentMigrator;

namespace TicketPlatform.Persistence.Migrations;

/// <summary>
/// Full-text indexes of the ticket search (<c>q</c>): a ticket's title and description, and each message's text.
/// PostgreSQL: <c>tsvector</c> with the <c>simple</c> configuration (lower-cased words, no stemming, no stop words)
/// under GIN. The ticket's vector lives in its own table, kept by a trigger that fires only when the title or the
/// description changes: every other ticket write (a posted message bumps the version) leaves it alone. A message's
/// vector is a stored generated column, since its row changes only when its text does.
/// SQLite: FTS5 tables keyed by the rowid of their row, kept by triggers, with the same lower-casing and no
/// diacritic folding.
/// </summary>
[Migration(61, "Full-text search: ticket_search + messages.search (GIN) on PostgreSQL, FTS5 on SQLite")]
public sealed class M0061_TextSearch : Migration
{
    public override void Up()
    {
        var postgres = IfDatabase(Dialects.IsPostgres);
        postgres.Execute.Sql("CREATE TABLE ticket_search (number varchar(32) PRIMARY KEY REFERENCES tickets (number), search tsvector NOT NULL)");
        postgres.Execute.Sql("CREATE INDEX ix_ticket_search ON ticket_search USING gin (search)");
        postgres.Execute.Sql("""
            CREATE FUNCTION ticket_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO ticket_search (number, search) VALUES (NEW.number, to_tsvector('simple', NEW.title || ' ' || NEW.description))
              ON CONFLICT (number) DO UPDATE SET search = excluded.search;
              RETURN NULL;
            END $$
            """);
        postgres.Execute.Sql("CREATE TRIGGER ticket_search_insert AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION ticket_search_sync()");
        postgres.Execute.Sql("""
            CREATE TRIGGER ticket_search_update AFTER UPDATE OF title, description ON tickets FOR EACH ROW
            WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description)
            EXECUTE FUNCTION ticket_search_sync()
            """);
        postgres.Execute.Sql("INSERT INTO ticket_search (number, search) SELECT number, to_tsvector('simple', title || ' ' || description) FROM tickets");
        postgres.Execute.Sql("ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(content, ''))) STORED");
        postgres.Execute.Sql("CREATE INDEX ix_messages_search ON messages USING gin (search)");

        var sqlite = IfDatabase(Dialects.IsSqlite);
        sqlite.Execute.Sql("CREATE VIRTUAL TABLE tickets_fts USING fts5 (title, description, tokenize = 'unicode61 remove_diacritics 0')");
        sqlite.Execute.Sql("""
            CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
              INSERT INTO tickets_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
            END
            """);
        sqlite.Execute.Sql("""
            CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description ON tickets
            WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
              DELETE FROM tickets_fts WHERE rowid = old.rowid;
              INSERT INTO tickets_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
            END
            """);
        sqlite.Execute.Sql("INSERT INTO tickets_fts (rowid, title, description) SELECT rowid, title, description FROM tickets");
        sqlite.Execute.Sql("CREATE VIRTUAL TABLE messages_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 0')");
        sqlite.Execute.Sql("""
            CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.content IS NOT NULL BEGIN
              INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.content);
            END
            """);
        sqlite.Execute.Sql("""
            CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages WHEN old.content IS NOT new.content BEGIN
              DELETE FROM messages_fts WHERE rowid = old.rowid;
              INSERT INTO messages_fts (rowid, body) SELECT new.rowid, new.content WHERE new.content IS NOT NULL;
            END
            """);
        sqlite.Execute.Sql("INSERT INTO messages_fts (rowid, body) SELECT rowid, content FROM messages WHERE content IS NOT NULL");
    }

    public override void Down()
    {
        var postgres = IfDatabase(Dialects.IsPostgres);
        postgres.Execute.Sql("ALTER TABLE messages DROP COLUMN search");
        postgres.Execute.Sql("DROP TRIGGER ticket_search_update ON tickets");
        postgres.Execute.Sql("DROP TRIGGER ticket_search_insert ON tickets");
        postgres.Execute.Sql("DROP FUNCTION ticket_search_sync()");
        postgres.Execute.Sql("DROP TABLE ticket_search");

        var sqlite = IfDatabase(Dialects.IsSqlite);
        sqlite.Execute.Sql("DROP TRIGGER messages_fts_update");
        sqlite.Execute.Sql("DROP TRIGGER messages_fts_insert");
        sqlite.Execute.Sql("DROP TABLE messages_fts");
        sqlite.Execute.Sql("DROP TRIGGER tickets_fts_update");
        sqlite.Execute.Sql("DROP TRIGGER tickets_fts_insert");
        sqlite.Execute.Sql("DROP TABLE tickets_fts");
    }
}
