using Maestro.GrainInterfaces.Analytics;
using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>Longest-first shard plans and the expected durations they are built from, against hand-computed plans.</summary>
public sealed class LptShardPlannerTests
{
    [Fact]
    public void Tests_go_longest_first_to_the_least_loaded_shard()
    {
        // a8 -> s0 (8); b7 -> s1 (7); c6 -> s2 (6); d5 -> s2 (11); e4 -> s1 (11); f3 -> s0 (11); g2 -> s0, all tied at 11 (13).
        var plan = LptShardPlanner.Plan(Durations(("a", 8), ("b", 7), ("c", 6), ("d", 5), ("e", 4), ("f", 3), ("g", 2)), shards: 3);

        Assert.Equal(
            [new[] { "a", "f", "g" }, ["b", "e"], ["c", "d"]],
            plan.Select(s => s.TestIds.ToArray()).ToArray());
        Assert.Equal([13.0, 11.0, 11.0], plan.Select(s => s.EstimatedMs));
    }

    [Fact]
    public void Equal_durations_are_ordered_by_id_so_the_plan_is_the_same_every_time()
    {
        // All 5 ms: t1 -> s0, t2 -> s1, t3 -> s0 (tie, lowest index), t4 -> s1.
        var plan = LptShardPlanner.Plan(Durations(("t3", 5), ("t1", 5), ("t4", 5), ("t2", 5)), shards: 2);

        Assert.Equal([new[] { "t1", "t3" }, ["t2", "t4"]], plan.Select(s => s.TestIds.ToArray()).ToArray());
    }

    [Fact]
    public void Fewer_tests_than_shards_make_one_shard_per_test_and_no_empty_shard()
    {
        var plan = LptShardPlanner.Plan(Durations(("slow", 30), ("fast", 1)), shards: 8);

        Assert.Equal([new[] { "slow" }, ["fast"]], plan.Select(s => s.TestIds.ToArray()).ToArray());
        Assert.Equal([0, 1], plan.Select(s => s.Shard));
    }

    [Fact]
    public void A_test_without_history_expects_the_median_of_the_others_and_with_no_history_at_all_the_default()
    {
        var history = new Dictionary<string, DurationStatistics?>
        {
            ["a"] = new DurationStatistics(3, 120, 100, 150, 160),
            ["b"] = new DurationStatistics(5, 310, 300, 400, 420),
            ["c"] = new DurationStatistics(1, 200, 200, 200, 200),
            ["new"] = null,
            ["never-counted"] = new DurationStatistics(0, 0, 0, 0, 0),
        };

        var expected = DurationEstimator.Estimate(history, defaultMs: 1000);

        // Medians 100, 200, 300: the nearest-rank median of the three is the 2nd smallest, 200.
        Assert.Equal(100, expected["a"]);
        Assert.Equal(300, expected["b"]);
        Assert.Equal(200, expected["new"]);
        Assert.Equal(200, expected["never-counted"]);
        Assert.Equal(1000, DurationEstimator.Estimate(new Dictionary<string, DurationStatistics?> { ["x"] = null }, defaultMs: 1000)["x"]);
    }

    private static Dictionary<string, double> Durations(params (string Id, double Ms)[] tests) =>
        tests.ToDictionary(t => t.Id, t => t.Ms, StringComparer.Ordinal);
}
