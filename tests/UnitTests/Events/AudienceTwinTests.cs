using Dapper;
using Microsoft.Data.Sqlite;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Users;

namespace TicketPlatform.UnitTests.Events;

/// <summary>
/// The visibility predicate and its SQL twin agree on every (role, relationship, visibility): one row per visibility
/// and relationship of the viewer to it (subject, actor, neither), filtered by SQL for each role and compared with the predicate.
/// </summary>
public sealed class AudienceTwinTests
{
    private static readonly Guid Viewer = Guid.NewGuid();
    private static readonly Guid Someone = Guid.NewGuid();

    public static TheoryData<UserRole> Roles => new(UserRole.User, UserRole.Agent, UserRole.Admin);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_events_filter_selects_exactly_the_rows_the_predicate_lets_the_viewer_see(UserRole role)
    {
        var viewer = new Actor(Viewer, role);
        await using var connection = await TableAsync(
            from visibility in Enum.GetValues<EventVisibility>()
            from relationship in new[] { "subject", "actor", "none" }
            select (visibility, relationship));

        var selected = await SelectAsync(connection, EventAudience.EventFilter(viewer));

        var expected = await SelectAsync(connection, "");
        expected.RemoveAll(row => !EventAudience.CanSee(
            EnumText.Parse<EventVisibility>(row.Visibility), viewer.IsStaff, row.Relationship is "subject" or "actor"));
        Assert.Equal(9, (await SelectAsync(connection, "")).Count);
        Assert.Equal(expected, selected);
        Assert.Equal(
            expected.Select(row => row.Key),
            (await SelectAsync(connection, "")).Where(row => EventAudience.CanSee(ViewOf(row), Viewer, viewer.IsStaff)).Select(row => row.Key));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_messages_filter_selects_exactly_the_messages_the_predicate_lets_the_viewer_see(UserRole role)
    {
        var viewer = new Actor(Viewer, role);
        await using var connection = await TableAsync(
            from visibility in Enum.GetValues<Messages.MessageVisibility>()
            from relationship in new[] { "actor", "none" }
            select (EventAudience.Of(visibility), relationship));

        var selected = await SelectAsync(connection, EventAudience.Filter(viewer.IsStaff, "m"), alias: "m");

        var expected = (await SelectAsync(connection, ""))
            .Where(row => EventAudience.CanSee(EnumText.Parse<Messages.MessageVisibility>(row.Visibility), viewer))
            .ToList();
        Assert.Equal(expected, selected);
    }

    private static TicketEventView ViewOf(Row row) => new(
        "TCK-2026-00001", row.Key, TicketEventType.MessagePosted, row.Relationship == "actor" ? Viewer : Someone,
        EnumText.Parse<EventVisibility>(row.Visibility), "{}", DateTimeOffset.UnixEpoch, row.Relationship == "subject" ? Viewer : Someone);

    private static async Task<SqliteConnection> TableAsync(IEnumerable<(EventVisibility Visibility, string Relationship)> rows)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync("CREATE TABLE items (key INTEGER PRIMARY KEY, visibility TEXT, relationship TEXT, subject_id TEXT, actor_id TEXT)");
        var key = 0;
        foreach (var (visibility, relationship) in rows)
        {
            await connection.ExecuteAsync(
                "INSERT INTO items VALUES (@key, @visibility, @relationship, @subject, @actor)",
                new
                {
                    key = ++key,
                    visibility = EnumText.Of(visibility),
                    relationship,
                    subject = (relationship == "subject" ? Viewer : Someone).ToString(),
                    actor = (relationship == "actor" ? Viewer : Someone).ToString(),
                });
        }

        return connection;
    }

    private static async Task<List<Row>> SelectAsync(SqliteConnection connection, string filter, string alias = "") =>
        [.. await connection.QueryAsync<Row>(
            $"SELECT key AS Key, visibility AS Visibility, relationship AS Relationship FROM items {alias} WHERE 1 = 1 {filter} ORDER BY key",
            new { viewer = Viewer.ToString() })];

    public sealed record Row(long Key, string Visibility, string Relationship);
}
