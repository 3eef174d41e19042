namespace Maestro.Runtime.Streams;

/// <summary>A stream of a <see cref="PersistentStreamProvider"/>, typed by its events.</summary>
internal sealed class PersistentAsyncStream<T>(PersistentStreamProvider provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId { get; } = streamId;

    public string ProviderName => provider.Name;

    public bool IsRewindable => provider.IsRewindable;

    public Task OnNextAsync(T item, StreamSequenceToken? token = null)
    {
        RejectToken(token);
        return provider.AppendAsync(StreamId, [item]);
    }

    public Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null)
    {
        RejectToken(token);
        return provider.AppendAsync(StreamId, batch);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null) =>
        provider.SubscribeAsync(StreamId, observer, token);

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles() => provider.GetSubscriptionHandlesAsync<T>(StreamId);

    private void RejectToken(StreamSequenceToken? token)
    {
        if (token is not null)
        {
            throw new ArgumentException($"Stream {StreamId}: producers cannot choose a sequence token; the log assigns positions.", nameof(token));
        }
    }
}
