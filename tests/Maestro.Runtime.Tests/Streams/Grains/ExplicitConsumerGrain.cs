using Maestro.Runtime.Streams;

namespace Maestro.Runtime.Tests.Streams.Grains;

/// <summary>
/// Subscribes explicitly to streams of namespace "explicit" and, on every activation, resumes the subscriptions of the
/// stream named by its own key, as an Orleans grain must. Records events as "explicit:{grain key}".
/// </summary>
public sealed class ExplicitConsumerGrain(StreamRecorder recorder, ISiloStatus silo) : Grain, IExplicitConsumerGrain
{
    public const string Namespace = "explicit";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var handle in await Stream(this.GetPrimaryKeyString()).GetAllSubscriptionHandles())
        {
            await handle.ResumeAsync(Observer());
        }
    }

    public async Task Subscribe(string streamKey, StreamSequenceToken? token) => await Stream(streamKey).SubscribeAsync(Observer(), token);

    public async Task<int> CountHandles(string streamKey) => (await Stream(streamKey).GetAllSubscriptionHandles()).Count;

    public async Task Unsubscribe(string streamKey)
    {
        foreach (var handle in await Stream(streamKey).GetAllSubscriptionHandles())
        {
            await handle.UnsubscribeAsync();
        }
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task RegisterReminder() => this.RegisterOrUpdateReminder("never", TimeSpan.Zero, TimeSpan.FromHours(1));

    private IAsyncStream<StreamItem> Stream(string key) =>
        this.GetStreamProvider(StreamTests.ProviderName).GetStream<StreamItem>(StreamId.Create(Namespace, key));

    private RecordingObserver Observer() => new(recorder, $"explicit:{this.GetPrimaryKeyString()}", GrainContext, silo.SiloName);
}
