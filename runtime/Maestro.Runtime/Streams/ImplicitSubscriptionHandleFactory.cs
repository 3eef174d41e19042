namespace Maestro.Runtime.Streams;

/// <summary>Given to <see cref="IStreamSubscriptionObserver.OnSubscribed"/> so the grain can type and resume its implicit subscription.</summary>
internal sealed class ImplicitSubscriptionHandleFactory(PersistentStreamProvider provider, StreamId streamId, Guid subscriptionId) : IStreamSubscriptionHandleFactory
{
    public StreamId StreamId { get; } = streamId;

    public string ProviderName => provider.Name;

    public Guid SubscriptionId { get; } = subscriptionId;

    public StreamSubscriptionHandle<T> Create<T>() => new PersistentStreamSubscriptionHandle<T>(provider, StreamId, SubscriptionId, isImplicit: true);
}
