using Maestro.GrainInterfaces.Analytics;

namespace Maestro.Grains.Analytics;

/// <summary>Mean and nearest-rank percentiles of durations: the p-th percentile is the ⌈p·n⌉-th smallest value.</summary>
public static class DurationStatisticsCalculator
{
    public static DurationStatistics Compute(IEnumerable<double> durationsMs)
    {
        ArgumentNullException.ThrowIfNull(durationsMs);
        var sorted = durationsMs.ToArray();
        if (sorted.Length == 0)
        {
            return new DurationStatistics(0, 0, 0, 0, 0);
        }

        Array.Sort(sorted);
        return new DurationStatistics(sorted.Length, sorted.Average(), NearestRank(sorted, 0.50), NearestRank(sorted, 0.95), sorted[^1]);
    }

    private static double NearestRank(double[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
