using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Concurrency;
using Orleans.Runtime;
using Polly;
using Polly.Retry;

namespace TicketPlatform.Hosting;

/// <summary>
/// Calls a grain method again when repeating it cannot do anything twice (silos shutting down or dying):
/// <list type="bullet">
/// <item>any call that was rejected (<see cref="OrleansMessageRejectionException"/>: a silo that is stopping, or has no
/// activation to forward to, answers a request with a rejection instead of invoking it, so nothing ran);</item>
/// <item>a <see cref="ReadOnlyAttribute"/> method whose target silo went away while the call was out
/// (<see cref="SiloUnavailableException"/>): it changed nothing.</item>
/// </list>
/// A call that may change state and whose silo went away mid-call is never repeated: its outcome is unknown.
/// The next attempt reaches the grain's new activation.
/// </summary>
public sealed class SafeGrainCallRetry : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> ReadOnlyMethods = new();

    private static readonly ResiliencePipeline ReadRetry = Pipeline(new PredicateBuilder().Handle<SiloUnavailableException>().Handle<OrleansMessageRejectionException>());

    private static readonly ResiliencePipeline RejectionRetry = Pipeline(new PredicateBuilder().Handle<OrleansMessageRejectionException>());

    public Task Invoke(IOutgoingGrainCallContext context) =>
        (IsReadOnly(context.InterfaceMethod) ? ReadRetry : RejectionRetry)
            .ExecuteAsync(static async (call, _) => await call.Invoke(), context).AsTask();

    private static ResiliencePipeline Pipeline(PredicateBuilder<object> retried) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = retried,
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    private static bool IsReadOnly(MethodInfo? method) =>
        method is not null && ReadOnlyMethods.GetOrAdd(method, static m => m.IsDefined(typeof(ReadOnlyAttribute), inherit: false));
}
