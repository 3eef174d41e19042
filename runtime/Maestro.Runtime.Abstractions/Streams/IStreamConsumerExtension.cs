namespace Maestro.Runtime.Streams;

/// <summary>
/// Runtime plumbing, not for grain code: how a pulling agent hands a subscription's events to the consumer grain, as an
/// ordinary grain call (so it activates the grain, runs in its turn, and crosses silos). <see cref="Grain"/> implements
/// it for every grain class; a POCO grain that consumes streams implements it by calling <see cref="StreamConsumerDispatch.DeliverAsync"/>.
/// </summary>
public interface IStreamConsumerExtension : IAddressable
{
    Task<StreamDeliveryResult> DeliverStreamEvents(StreamEventBatch batch);
}
