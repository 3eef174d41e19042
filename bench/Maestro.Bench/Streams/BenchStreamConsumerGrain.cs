using Maestro.Runtime.Streams;

namespace Maestro.Bench.Streams;

/// <summary>Implicitly subscribed to namespace "bench": records each event's latency, nothing more.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class BenchStreamConsumerGrain(StreamDeliveryRecorder recorder) : Grain, IBenchStreamConsumerGrain, IStreamSubscriptionObserver, IAsyncObserver<BenchStreamEvent>
{
    public const string Namespace = "bench";

    public Task Ping() => Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<BenchStreamEvent>().ResumeAsync(this);
    }

    public Task OnNextAsync(BenchStreamEvent item, StreamSequenceToken? token = null)
    {
        recorder.Record(item);
        return Task.CompletedTask;
    }
}
