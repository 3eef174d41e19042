namespace Maestro.Runtime.Streams;

/// <summary>Wakes a queue's agent when this silo appends to it, so local deliveries do not wait for the next poll.</summary>
internal sealed class StreamQueueSignals
{
    private readonly SemaphoreSlim[] signals;

    public StreamQueueSignals(int queueCount) => signals = [.. Enumerable.Range(0, queueCount).Select(_ => new SemaphoreSlim(0, 1))];

    public void Wake(int queue)
    {
        try
        {
            signals[queue].Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending signal is enough.
        }
    }

    public Task<bool> WaitAsync(int queue, TimeSpan timeout, CancellationToken cancellationToken) => signals[queue].WaitAsync(timeout, cancellationToken);
}
