using Maestro.Runtime;
using Maestro.Runtime.Streams;

namespace Maestro.TestGrains;

/// <summary>
/// Persists each delivered event before acknowledging it, slowly enough (5 ms) that a kill lands mid-delivery. A
/// redelivery after a failover appears twice, with the same event id.
/// </summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class TestStreamConsumerGrain([PersistentState("deliveries")] IPersistentState<TestStreamLog> log)
    : Grain, ITestStreamConsumerGrain, IStreamSubscriptionObserver
{
    public const string Namespace = "test.events";

    public Task<List<string>> GetDeliveries() => Task.FromResult(log.State.Deliveries.ToList());

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<TestStreamItem>().ResumeAsync(async (item, token) =>
        {
            await Task.Delay(5);
            log.State.Deliveries.Add($"{item.Number}:{token!.EventId:N}");
            await log.WriteStateAsync();
        });
    }
}
