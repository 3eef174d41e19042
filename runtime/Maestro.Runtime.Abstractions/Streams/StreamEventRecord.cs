using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Streams;

/// <summary>One stored event: its offset in the queue, the id it was appended with, and its JSON payload.</summary>
[Immutable]
public sealed record StreamEventRecord(long SequenceNumber, Guid EventId, string Payload);
