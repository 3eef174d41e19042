namespace Maestro.Runtime.Streams;

/// <summary>One queue of a stream provider as the dashboard shows it.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="Queue">The queue number.</param>
/// <param name="Owner">The lease holder pulling it (a silo name and incarnation), or null when nobody holds a running lease.</param>
/// <param name="LastOffset">The last offset appended; -1 before the first event.</param>
/// <param name="Checkpoint">The last offset delivered to every subscriber; -1 before the first.</param>
/// <param name="Lag">Events appended but not yet delivered.</param>
/// <param name="DeadLetters">Events given up on after their retries.</param>
public sealed record StreamQueueStatus(string Provider, int Queue, string? Owner, long LastOffset, long Checkpoint, long Lag, long DeadLetters);
