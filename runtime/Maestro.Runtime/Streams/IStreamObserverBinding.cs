namespace Maestro.Runtime.Streams;

/// <summary>An observer attached to one subscription in one activation, whatever its event type.</summary>
internal interface IStreamObserverBinding
{
    /// <summary>Hands one event to the observer. A redelivery of an event this binding already handled is skipped unless <paramref name="replay"/>.</summary>
    Task DeliverAsync(StreamEventRecord item, bool replay);
}
