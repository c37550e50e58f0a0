namespace TicketPlatform.Persistence.Migrations.Orleans;

/// <summary>
/// PostgreSQL tables behind Orleans' ADO.NET clustering and reminders. Our own snake_case schema: the providers
/// only see the result columns that the queries in <see cref="MembershipQueries"/> and <see cref="ReminderQueries"/> name.
/// </summary>
internal static class OrleansTablesSql
{
    /// <summary>Read by every ADO.NET provider at start with <c>SELECT QueryKey, QueryText FROM OrleansQuery</c> (unquoted, so lower case).</summary>
    public const string QueryTable = """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL
        );
        """;

    public const string Membership = """
        CREATE TABLE IF NOT EXISTS orleans_membership_version (
            deployment_id varchar(150) PRIMARY KEY,
            version integer NOT NULL DEFAULT 0,
            changed_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS orleans_membership (
            deployment_id varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
            address varchar(45) NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name varchar(150) NOT NULL,
            host_name varchar(150) NOT NULL,
            status integer NOT NULL,
            proxy_port integer NOT NULL,
            suspect_times text NULL,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );
        """;

    public const string Reminders = """
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id varchar(150) NOT NULL,
            grain_id text NOT NULL,
            reminder_name varchar(150) NOT NULL,
            start_time timestamptz NOT NULL,
            period bigint NOT NULL,
            grain_hash integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);
        """;

    public const string Drop = """
        DROP TABLE IF EXISTS orleans_reminders;
        DROP TABLE IF EXISTS orleans_membership;
        DROP TABLE IF EXISTS orleans_membership_version;
        DROP TABLE IF EXISTS orleansquery;
        """;

    /// <summary>Inserts or replaces one provider query; the text is dollar-quoted so it needs no escaping.</summary>
    public static string Upsert(string key, string text) =>
        $"""
        INSERT INTO orleansquery (querykey, querytext) VALUES ('{key}', $orleans_query${text}$orleans_query$)
        ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
        """;
}
