namespace Maestro.Runtime.Streams;

/// <summary>
/// An explicit subscription. It outlives the activation that made it: a reactivated grain gets its handles from
/// <see cref="IAsyncStream{T}.GetAllSubscriptionHandles"/> and calls <see cref="ResumeAsync"/> to receive events again.
/// </summary>
public abstract class StreamSubscriptionHandle<T>
{
    public abstract Guid HandleId { get; }

    public abstract StreamId StreamId { get; }

    public abstract string ProviderName { get; }

    /// <summary>Attaches <paramref name="observer"/> to this subscription in the current activation; with a token, replays from it first.</summary>
    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null);

    /// <summary>Deletes the subscription: no more events are delivered to it, on any silo.</summary>
    public abstract Task UnsubscribeAsync();
}
