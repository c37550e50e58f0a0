using TicketPlatform.Common;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Messages;
using Xunit;

namespace TicketPlatform.Grains.Tests.Messages;

/// <summary>
/// Two writers of one ticket (one activation in each of two clusters on the same database): an edit in one races a
/// delete of the same message in the other. The edit's first commit always loses the version fence (the other
/// cluster posted the message), so its retry is exactly where a row read before the first attempt would be stale.
/// </summary>
public abstract class MessageRaceGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    private const int Rounds = 60;

    [Fact]
    public async Task AnEditRacingADeleteNeverWritesWordsBackIntoTheErasedMessage()
    {
        await using var other = await Fixture.StartSecondClusterAsync();
        var author = await NewUserAsync();
        var number = (await OpenAsync(author)).Number;
        var here = Grains.GetGrain<ITicketMessagesGrain>(number);
        var there = other.Client.GetGrain<ITicketMessagesGrain>(number);
        var editsAfterDelete = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var message = Expect.Ok(await there.PostMessage(author, new PostMessage($"original {round}", MessageVisibility.Public)));

            var edit = here.EditMessage(author, new EditMessage(message.Id, $"edited {round}"));
            var delete = there.DeleteMessage(author, message.Id);
            var (edited, deleted) = (await edit, await delete);

            Assert.True(deleted.IsSuccess, $"Round {round}: the delete failed: {deleted.Error}");
            Assert.True(edited.IsSuccess || edited.Error!.Code == ErrorCodes.Conflict, $"Round {round}: the edit failed: {edited.Error}");
            editsAfterDelete += edited.IsSuccess ? 0 : 1;
            var id = new { id = message.Id };
            Assert.Equal(1, await ScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE id = @id AND deleted_at IS NOT NULL", id));
            var content = await ScalarAsync<string?>("SELECT content FROM messages WHERE id = @id", id);
            Assert.True(content is null, $"Round {round}: the deleted message has words again: '{content}'.");
            Assert.Null(Expect.Ok(await here.GetMessage(author, message.Id)).Content);
        }

        TestContext.Current.SendDiagnosticMessage($"{editsAfterDelete} of {Rounds} edits came after the delete and were refused.");
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class MessageRaceGrainTestsOnSqlite(SqliteCluster fixture) : MessageRaceGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class MessageRaceGrainTestsOnPostgres(PostgresCluster fixture) : MessageRaceGrainTests(fixture);
