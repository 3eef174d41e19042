using System.Text;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Streams;

/// <summary>
/// One named stream provider over a <see cref="StreamLog"/>: maps streams to queues, appends, and keeps explicit
/// subscriptions and the observers activations attach to them. Delivery is the pulling agents' job.
/// </summary>
internal sealed class PersistentStreamProvider(
    string name,
    PersistentStreamOptions options,
    StreamLog log,
    GrainSerializer serializer,
    ActivationStreamBindings bindings) : IStreamProvider, ISiloLifecycleParticipant, IAsyncDisposable
{
    public string Name { get; } = name;

    public bool IsRewindable => true;

    public PersistentStreamOptions Options { get; } = options;

    public StreamLog Log { get; } = log;

    public StreamQueueSignals Signals { get; } = new(options.QueueCount);

    public IAsyncStream<T> GetStream<T>(StreamId streamId)
    {
        if (streamId == default)
        {
            throw new ArgumentException("The stream id is empty: make it with StreamId.Create(namespace, key).", nameof(streamId));
        }

        return new PersistentAsyncStream<T>(this, streamId);
    }

    /// <summary>FNV-1a over namespace and key: stable across processes, unlike string.GetHashCode.</summary>
    public int QueueOf(StreamId stream)
    {
        var hash = 2166136261u;
        foreach (var c in stream.Namespace + "\0" + stream.Key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)Options.QueueCount);
    }

    public async Task AppendAsync<T>(StreamId stream, IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var events = items.Select(i => (Guid.CreateVersion7(), Encoding.UTF8.GetString(serializer.Serialize(i, typeof(T))))).ToList();
        if (events.Count == 0)
        {
            return;
        }

        var queue = QueueOf(stream);
        await Log.AppendAsync(queue, stream, events, CancellationToken.None);
        Signals.Wake(queue);
    }

    public async Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(StreamId stream, IAsyncObserver<T> observer, StreamSequenceToken? token)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var activation = CallingActivation("SubscribeAsync");
        var handle = new PersistentStreamSubscriptionHandle<T>(this, stream, Guid.NewGuid(), isImplicit: false);
        await Log.AddSubscriptionAsync(QueueOf(stream), new StoredSubscription(stream, handle.HandleId, activation.GrainId), CancellationToken.None);
        await AttachAsync(activation, handle, observer, token);
        return handle;
    }

    public async Task<IList<StreamSubscriptionHandle<T>>> GetSubscriptionHandlesAsync<T>(StreamId stream)
    {
        var activation = CallingActivation("GetAllSubscriptionHandles");
        var rows = await Log.SubscriptionsOfGrainAsync(stream, activation.GrainId, CancellationToken.None);
        return [.. rows.Select(r => new PersistentStreamSubscriptionHandle<T>(this, stream, r.SubscriptionId, isImplicit: false))];
    }

    /// <summary>Attaches <paramref name="observer"/> in the calling activation; with a token, first replays the retained events from it.</summary>
    public async Task AttachAsync<T>(IGrainContext activation, PersistentStreamSubscriptionHandle<T> handle, IAsyncObserver<T> observer, StreamSequenceToken? token)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var binding = new StreamObserverBinding<T>(observer, serializer);
        var queue = QueueOf(handle.StreamId);
        List<StoredStreamEvent> replay = [];
        if (token is not null)
        {
            var retainedFrom = await Log.RetainedFromAsync(queue, CancellationToken.None);
            if (token.SequenceNumber < retainedFrom)
            {
                throw new ArgumentException(
                    $"Cannot rewind stream {handle.StreamId} of provider '{Name}' to sequence number {token.SequenceNumber}: events before {retainedFrom} are past retention ({Options.Retention}) and were deleted.",
                    nameof(token));
            }

            replay = await Log.ReadStreamAsync(queue, handle.StreamId, token.SequenceNumber, CancellationToken.None);
        }

        bindings.For(activation)[handle.HandleId] = binding;
        foreach (var item in replay)
        {
            await binding.DeliverAsync(item.ToRecord(), replay: true);
        }
    }

    public async Task UnsubscribeAsync<T>(PersistentStreamSubscriptionHandle<T> handle)
    {
        if (handle.IsImplicit)
        {
            throw new InvalidOperationException($"The implicit subscription to {handle.StreamId} cannot be removed: it comes from [ImplicitStreamSubscription] on the grain class.");
        }

        await Log.RemoveSubscriptionAsync(handle.StreamId, handle.HandleId, CancellationToken.None);
        if (RuntimeContext.Current is { } activation)
        {
            bindings.For(activation).TryRemove(handle.HandleId, out _);
        }
    }

    public Task OnSiloStartAsync(CancellationToken cancellationToken) => Log.InitializeAsync(cancellationToken);

    public Task OnSiloStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => Log.Database.DisposeAsync();

    public static IGrainContext CallingActivation(string operation) =>
        RuntimeContext.Current ?? throw new InvalidOperationException(
            $"{operation} must be called by a grain, in one of its turns: subscriptions belong to a grain, which receives the events.");
}
