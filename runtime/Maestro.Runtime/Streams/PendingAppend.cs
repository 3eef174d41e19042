namespace Maestro.Runtime.Streams;

/// <summary>An append waiting for its transaction; completes with the offset of its first event once committed.</summary>
internal sealed class PendingAppend(int queue, StreamId streamId, IReadOnlyList<(Guid EventId, string Payload)> events)
{
    public int Queue { get; } = queue;

    public StreamId StreamId { get; } = streamId;

    public IReadOnlyList<(Guid EventId, string Payload)> Events { get; } = events;

    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
