namespace TicketPlatform.Persistence.Migrations.Orleans;

/// <summary>
/// The queries Orleans.Clustering.AdoNet reads at start, by key, with the parameters it binds (<c>@Name</c>).
/// Table writes are fenced by the table version (<c>@Version</c> is the version the caller read); heartbeats are not.
/// </summary>
internal static class MembershipQueries
{
    private const string MemberColumns = """
        v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
        m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
        m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
        """;

    private const string ThisSilo = "address = @Address AND port = @Port AND generation = @Generation";
    private const string ThisSiloOfM = "m.address = @Address AND m.port = @Port AND m.generation = @Generation";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // DeploymentId, Status (Active) -> Address, ProxyPort, Generation
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,

        // DeploymentId, Address, Port, Generation -> the version row, joined with the silo's row when there is one
        ["MembershipReadRowKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id AND {ThisSiloOfM}
            WHERE v.deployment_id = @DeploymentId
            """,

        // DeploymentId -> the version row joined with every silo's row
        ["MembershipReadAllKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
            """,

        // DeploymentId -> true when this call created the version row
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT (deployment_id) DO NOTHING
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM created)
            """,

        // DeploymentId, Address, Port, Generation, IAmAliveTime; not a table change, so no version bump
        ["UpdateIAmAlivetimeKey"] = $"""
            UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
            WHERE deployment_id = @DeploymentId AND {ThisSilo}
            """,

        // DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime, Version -> inserted?
        ["InsertMembershipKey"] = $"""
            WITH bumped AS (
                UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                  AND NOT EXISTS (SELECT 1 FROM orleans_membership WHERE deployment_id = @DeploymentId AND {ThisSilo})
                RETURNING deployment_id),
            inserted AS (
                INSERT INTO orleans_membership
                    (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, suspect_times, start_time, i_am_alive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
                FROM bumped
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM inserted)
            """,

        // DeploymentId, Address, Port, Generation, Status, SuspectTimes, IAmAliveTime, Version -> updated?
        ["UpdateMembershipKey"] = $"""
            WITH bumped AS (
                UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                  AND EXISTS (SELECT 1 FROM orleans_membership WHERE deployment_id = @DeploymentId AND {ThisSilo})
                RETURNING deployment_id),
            updated AS (
                UPDATE orleans_membership m
                SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                FROM bumped b
                WHERE m.deployment_id = b.deployment_id AND {ThisSiloOfM}
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM updated)
            """,

        // DeploymentId: the whole cluster's rows (the members go with the version row)
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
            """,

        // DeploymentId, IAmAliveTime: dead silos not heard of since then
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
            """,

        // DeploymentId, Address, Port, Generation, StartTime, IAmAliveTime, SuspectTimes: one dead silo's row, only if unchanged since read
        ["CleanupDefunctSiloEntryKey"] = $"""
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND {ThisSilo} AND status = 6
              AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
              AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
            """,
    };
}
