using Maestro.GrainInterfaces.Analytics;
using Maestro.Grains.Analytics;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Expected durations for sharding, from the tests' histories: a test's median (p50) over the runs that counted; a test
/// with no history gets the median of the others' medians, or the configured default when none has a history.
/// </summary>
public static class DurationEstimator
{
    public static IReadOnlyDictionary<string, double> Estimate(IReadOnlyDictionary<string, DurationStatistics?> history, double defaultMs)
    {
        ArgumentNullException.ThrowIfNull(history);
        var known = history.Values.OfType<DurationStatistics>().Where(d => d.Count > 0).Select(d => d.P50Ms).ToList();
        var fallback = known.Count == 0 ? defaultMs : DurationStatisticsCalculator.Compute(known).P50Ms;
        return history.ToDictionary(t => t.Key, t => t.Value is { Count: > 0 } d ? d.P50Ms : fallback, StringComparer.Ordinal);
    }
}
