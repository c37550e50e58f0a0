namespace TicketPlatform.Persistence.Migrations.Orleans;

/// <summary>The queries Orleans.Reminders.AdoNet reads at start, by key, with the parameters it binds (<c>@Name</c>).</summary>
internal static class ReminderQueries
{
    private const string Columns = """
        grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
        """;

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // ServiceId, GrainId
        ["ReadReminderRowsKey"] = $"""
            SELECT {Columns} FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @GrainId
            """,

        // ServiceId, GrainId, ReminderName
        ["ReadReminderRowKey"] = $"""
            SELECT {Columns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
            """,

        // ServiceId, BeginHash, EndHash: a range that does not wrap
        ["ReadRangeRows1Key"] = $"""
            SELECT {Columns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
            """,

        // ServiceId, BeginHash, EndHash: a range that wraps around the ring
        ["ReadRangeRows2Key"] = $"""
            SELECT {Columns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
            """,

        // ServiceId, GrainHash, GrainId, ReminderName, StartTime, Period -> the row's new version
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
                version = orleans_reminders.version + 1
            RETURNING version AS "Version"
            """,

        // ServiceId, GrainId, ReminderName, Version -> deleted?
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM orleans_reminders
                WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM deleted)
            """,

        // ServiceId
        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleans_reminders WHERE service_id = @ServiceId
            """,
    };
}
