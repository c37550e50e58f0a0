using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Concurrency;
using Orleans.Runtime;
using Polly;
using Polly.Retry;

namespace TicketPlatform.Hosting;

/// <summary>
/// Calls a <see cref="ReadOnlyAttribute"/> grain method again when its target silo went away while the call was out
/// (a silo shutting down or dying): the call changed nothing, so repeating it is safe, and the next attempt reaches
/// the grain's new activation. Calls that may change state are never repeated here; their outcome is unknown.
/// </summary>
public sealed class ReadOnlyCallRetry : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> ReadOnlyMethods = new();

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<SiloUnavailableException>().Handle<OrleansMessageRejectionException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public Task Invoke(IOutgoingGrainCallContext context) => IsReadOnly(context.InterfaceMethod)
        ? Retry.ExecuteAsync(static async (call, _) => await call.Invoke(), context).AsTask()
        : context.Invoke();

    private static bool IsReadOnly(MethodInfo? method) =>
        method is not null && ReadOnlyMethods.GetOrAdd(method, static m => m.IsDefined(typeof(ReadOnlyAttribute), inherit: false));
}
