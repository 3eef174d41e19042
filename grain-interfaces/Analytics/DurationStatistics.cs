namespace Maestro.GrainInterfaces.Analytics;

/// <summary>Durations of a test's runs, in milliseconds. Percentiles are nearest-rank; all zero when there are none.</summary>
public sealed record DurationStatistics(int Count, double MeanMs, double P50Ms, double P95Ms, double MaxMs);
