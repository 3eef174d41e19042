namespace Maestro.Runtime.Streams;

/// <summary>
/// One stream of a provider: producers append events, grains subscribe to it. Appended events are durable when the
/// returned task completes; they are then delivered at least once to every subscription, in append order.
/// </summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    string ProviderName { get; }

    bool IsRewindable { get; }

    /// <summary>Appends one event. <paramref name="token"/> must be null: the log assigns positions.</summary>
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    /// <summary>Appends events in one transaction, in order: all or none are stored.</summary>
    Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null);

    /// <summary>
    /// Subscribes the calling grain (explicitly: the subscription is stored and outlives the activation). With a
    /// <paramref name="token"/> the subscription first receives the retained events from that token on.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null);

    /// <summary>The calling grain's explicit subscriptions to this stream, to resume in <c>OnActivateAsync</c>.</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}
