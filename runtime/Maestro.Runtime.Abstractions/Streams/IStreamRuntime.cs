namespace Maestro.Runtime.Streams;

/// <summary>What the grain-side helpers need from the silo's streaming: registered by the runtime, resolved by type.</summary>
internal interface IStreamRuntime
{
    IStreamProvider GetStreamProvider(string name);

    Task<StreamDeliveryResult> DeliverAsync(IGrainBase grain, StreamEventBatch batch);
}
