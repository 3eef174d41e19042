using Maestro.GrainInterfaces.Analytics;
using Maestro.Grains.Analytics;
using Xunit;

namespace Maestro.Grains.Tests.Analytics;

public sealed class DurationStatisticsCalculatorTests
{
    [Fact]
    public void Mean_and_nearest_rank_percentiles()
    {
        // Sorted 100, 200, 300, 400, 1000: p50 is the ⌈2.5⌉ = 3rd, p95 the ⌈4.75⌉ = 5th.
        Assert.Equal(new DurationStatistics(5, 400, 300, 1000, 1000), DurationStatisticsCalculator.Compute([1000, 300, 100, 400, 200]));

        // 1..20: p50 the 10th, p95 the 19th.
        Assert.Equal(new DurationStatistics(20, 10.5, 10, 19, 20), DurationStatisticsCalculator.Compute(Enumerable.Range(1, 20).Select(i => (double)i)));
    }

    [Fact]
    public void No_durations_give_zeros()
    {
        Assert.Equal(new DurationStatistics(0, 0, 0, 0, 0), DurationStatisticsCalculator.Compute([]));
    }
}
