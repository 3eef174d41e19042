namespace Maestro.Bench.Streams;

/// <summary>A benchmark event: when it was made (Stopwatch ticks), to measure publish-to-handler latency.</summary>
public sealed record BenchStreamEvent(long CreatedTimestamp);
