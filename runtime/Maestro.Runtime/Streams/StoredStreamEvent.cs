namespace Maestro.Runtime.Streams;

/// <summary>One row of <c>stream_events</c>.</summary>
internal sealed record StoredStreamEvent(long Sequence, StreamId StreamId, Guid EventId, string Payload)
{
    public StreamEventRecord ToRecord() => new(Sequence, EventId, Payload);
}
