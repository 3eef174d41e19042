using Maestro.Runtime.Streams;

namespace Maestro.Runtime.Tests.Streams.Grains;

public interface IExplicitConsumerGrain : IGrainWithStringKey
{
    /// <summary>Subscribes to stream ("explicit", <paramref name="streamKey"/>), from <paramref name="token"/> when given.</summary>
    Task Subscribe(string streamKey, StreamSequenceToken? token);

    Task<int> CountHandles(string streamKey);

    Task Unsubscribe(string streamKey);

    Task<Guid> GetActivationId();

    Task Deactivate();

    /// <summary>This grain is not IRemindable: registering a reminder must fail.</summary>
    Task RegisterReminder();
}
