namespace Maestro.Runtime.Streams;

/// <summary>Hands a delivered batch to the observers the grain attached, for implementations of <see cref="IStreamConsumerExtension"/>.</summary>
public static class StreamConsumerDispatch
{
    public static Task<StreamDeliveryResult> DeliverAsync(IGrainBase grain, StreamEventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(batch);
        return StreamProviderExtensions.Runtime(grain.GrainContext.ActivationServices).DeliverAsync(grain, batch);
    }
}
