namespace Maestro.Runtime.Streams;

/// <summary>Makes the handle of an implicit subscription, typed by the consumer, so it can call <c>ResumeAsync</c>.</summary>
public interface IStreamSubscriptionHandleFactory
{
    StreamId StreamId { get; }

    string ProviderName { get; }

    Guid SubscriptionId { get; }

    StreamSubscriptionHandle<T> Create<T>();
}
