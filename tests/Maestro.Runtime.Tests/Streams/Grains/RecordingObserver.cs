using Maestro.Runtime.Streams;

namespace Maestro.Runtime.Tests.Streams.Grains;

/// <summary>Records every event for <paramref name="consumer"/>; throws on poison events, counting the attempt.</summary>
public sealed class RecordingObserver(StreamRecorder recorder, string consumer, IGrainContext activation, string silo) : IAsyncObserver<StreamItem>
{
    public async Task OnNextAsync(StreamItem item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(token);
        if (item.Poison)
        {
            var attempt = recorder.Fail(consumer, item.Number);
            throw new InvalidOperationException($"poison event {item.Number} refused (attempt {attempt})");
        }

        if (item.HandlingDelayMs > 0)
        {
            await Task.Delay(item.HandlingDelayMs);
        }

        recorder.Record(new ReceivedEvent(consumer, item.Number, token.SequenceNumber, token.EventId, silo, activation.ActivationId));
    }
}
