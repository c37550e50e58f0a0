using Orleans.Core.Internal;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Realtime;
using TicketPlatform.Users;
using Xunit;

namespace TicketPlatform.Grains.Tests.Realtime;

/// <summary>
/// The feed's nodes are Api nodes; here a client-side observer stands in for one. When the feed moves (its silo stops),
/// its nodes hear that it closes, and a change that reaches the next activation before they are back waits for them.
/// </summary>
public abstract class UserAccessFeedTests(ClusterFixture fixture) : GrainTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task After_the_feed_moves_its_nodes_hear_it_closed_and_a_change_waits_for_them_and_reaches_them()
    {
        var node = new RecordingNode();
        var observer = Fixture.Client.CreateObjectReference<IUserAccessObserver>(node);
        var feed = Grains.GetGrain<IUserAccessFeedGrain>(0);
        var before = await feed.Subscribe(observer, Guid.Empty);

        await feed.Cast<IGrainManagementExtension>().DeactivateOnIdle(Cancellation);
        await node.Closed.Task.WaitAsync(Patience, Cancellation);

        var promoted = new UserView(Guid.NewGuid(), NewSubject(), null, null, UserRole.Agent, true, DateTimeOffset.UtcNow);
        var change = feed.Changed(promoted);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Cancellation);
        var after = await feed.Subscribe(observer, before);
        await change.WaitAsync(Patience, Cancellation);

        Assert.NotEqual(before, after);
        Assert.Equal([promoted.Subject], node.Changed);
        GC.KeepAlive(node);
    }

    private sealed class RecordingNode : IUserAccessObserver
    {
        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Changed { get; } = [];

        public Task OnUserAccessChanged(UserView user)
        {
            lock (Changed)
            {
                Changed.Add(user.Subject);
            }

            return Task.CompletedTask;
        }

        public Task OnFeedClosing()
        {
            Closed.TrySetResult();
            return Task.CompletedTask;
        }
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class UserAccessFeedTestsOnSqlite(SqliteCluster fixture) : UserAccessFeedTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class UserAccessFeedTestsOnPostgres(PostgresCluster fixture) : UserAccessFeedTests(fixture);
