namespace Maestro.Dashboard.Statistics;

/// <summary>One second of the whole cluster's grain calls.</summary>
public sealed record ClusterSample(long UnixSecond, long Calls, long Errors, double AverageMilliseconds);
