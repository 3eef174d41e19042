namespace Maestro.Runtime.Streams;

/// <summary>The silo's stream providers by name, and the consumer side of delivery: from a grain call to the attached observers.</summary>
internal sealed class StreamRuntime(IEnumerable<PersistentStreamProvider> providers, ActivationStreamBindings bindings) : IStreamRuntime
{
    private readonly Dictionary<string, PersistentStreamProvider> providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IStreamProvider GetStreamProvider(string name) => Provider(name);

    public async Task<StreamDeliveryResult> DeliverAsync(IGrainBase grain, StreamEventBatch batch)
    {
        var activation = grain.GrainContext;
        var attached = bindings.For(activation);
        if (!attached.TryGetValue(batch.SubscriptionId, out var binding) && batch.Implicit && grain is IStreamSubscriptionObserver observer)
        {
            var stream = StreamId.Create(batch.StreamNamespace, batch.StreamKey);
            await observer.OnSubscribed(new ImplicitSubscriptionHandleFactory(Provider(batch.ProviderName), stream, batch.SubscriptionId));
            attached.TryGetValue(batch.SubscriptionId, out binding);
        }

        if (binding is null)
        {
            return new StreamDeliveryResult(0, batch.Implicit
                ? $"Grain {activation.GrainId} is implicitly subscribed to {batch.StreamNamespace}/{batch.StreamKey} but attached no observer: implement IStreamSubscriptionObserver and call ResumeAsync in OnSubscribed."
                : $"Grain {activation.GrainId} has no observer attached to subscription {batch.SubscriptionId} of {batch.StreamNamespace}/{batch.StreamKey}: resume its handles (GetAllSubscriptionHandles, ResumeAsync) in OnActivateAsync.");
        }

        for (var i = 0; i < batch.Events.Length; i++)
        {
            try
            {
                await binding.DeliverAsync(batch.Events[i], replay: false);
            }
            catch (Exception ex)
            {
                // Reported, not thrown: the agent retries from this event and, after the last attempt, dead-letters it with this text.
                return new StreamDeliveryResult(i, $"{ex.GetType().FullName}: {ex.Message}");
            }
        }

        return new StreamDeliveryResult(batch.Events.Length, null);
    }

    private PersistentStreamProvider Provider(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return providers.TryGetValue(name, out var provider)
            ? provider
            : throw new KeyNotFoundException($"No stream provider named '{name}' is configured on this silo (configured: {string.Join(", ", providers.Keys.Order(StringComparer.Ordinal))}).");
    }
}
