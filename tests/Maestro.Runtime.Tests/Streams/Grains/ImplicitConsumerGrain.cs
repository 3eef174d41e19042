using Maestro.Runtime.Streams;

namespace Maestro.Runtime.Tests.Streams.Grains;

/// <summary>Implicitly subscribed to every stream of namespace "implicit" whose key is its own key.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class ImplicitConsumerGrain(StreamRecorder recorder, ISiloStatus silo) : Grain, IImplicitConsumerGrain, IStreamSubscriptionObserver
{
    public const string Namespace = "implicit";

    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<StreamItem>().ResumeAsync(new RecordingObserver(recorder, $"implicit:{handleFactory.StreamId.Key}", GrainContext, silo.SiloName));
    }
}
