using System.Text;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Streams;

/// <summary>
/// Turns stored JSON back into <typeparamref name="T"/> and calls the observer. It remembers the last offset it handled,
/// so an event the agent redelivers to the same activation (after a lost checkpoint) reaches the observer once.
/// </summary>
internal sealed class StreamObserverBinding<T>(IAsyncObserver<T> observer, GrainSerializer serializer) : IStreamObserverBinding
{
    private long lastDelivered = -1;

    public async Task DeliverAsync(StreamEventRecord item, bool replay)
    {
        if (!replay && item.SequenceNumber <= lastDelivered)
        {
            return;
        }

        var value = (T)serializer.Deserialize(Encoding.UTF8.GetBytes(item.Payload), typeof(T))!;
        await observer.OnNextAsync(value, new StreamSequenceToken(item.SequenceNumber, 0, item.EventId));
        lastDelivered = Math.Max(lastDelivered, item.SequenceNumber);
    }
}
