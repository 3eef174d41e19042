namespace Maestro.Runtime.Streams;

/// <summary>
/// Where an event sits in its queue's log: <see cref="SequenceNumber"/> is the event's offset, so a token handed back to
/// <c>SubscribeAsync</c> rewinds to that event while it is retained. <see cref="EventId"/> is the id the producer's
/// event was stored with: a redelivered event carries the same id, which is how consumers recognise duplicates.
/// </summary>
public sealed record StreamSequenceToken(long SequenceNumber, int EventIndex, Guid EventId)
{
    /// <summary>True when this token lies before <paramref name="other"/> in the log.</summary>
    public bool Older(StreamSequenceToken other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SequenceNumber < other.SequenceNumber || (SequenceNumber == other.SequenceNumber && EventIndex < other.EventIndex);
    }
}
