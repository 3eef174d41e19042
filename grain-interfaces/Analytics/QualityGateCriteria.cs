namespace Maestro.GrainInterfaces.Analytics;

/// <summary>The limits a run must meet; a null limit is not checked.</summary>
/// <param name="MinPassRate">Lowest acceptable (passed + flaky) ÷ (total − skipped), 0..1.</param>
/// <param name="MaxNewFailures">Most tests allowed to fail that did not fail in the previous run of the suite on the branch.</param>
/// <param name="MaxFlakyTests">Most tests allowed to pass only on a retry.</param>
/// <param name="MaxDurationMs">Longest acceptable run (the sum of every attempt's duration).</param>
public sealed record QualityGateCriteria(double? MinPassRate, int? MaxNewFailures, int? MaxFlakyTests, double? MaxDurationMs);
