namespace Maestro.Runtime.Statistics;

/// <summary>One second of a silo's grain calls: how many finished, how many failed and their summed duration.</summary>
/// <param name="UnixSecond">The second the sample closes, in Unix seconds (UTC).</param>
/// <param name="Calls">Calls that finished during that second.</param>
/// <param name="Errors">Those of them that failed.</param>
/// <param name="TotalMilliseconds">Their summed duration; divided by <paramref name="Calls"/>, the average latency.</param>
public sealed record StatisticsSample(long UnixSecond, long Calls, long Errors, double TotalMilliseconds);
