namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Longest processing time first: tests sorted by expected duration (longest first, then by id so the plan is the same
/// every time), each given to the shard with the least expected load so far (the lowest index on a tie). Never makes
/// an empty shard: fewer tests than shards makes one shard per test. The longest shard is at most 4/3 of the optimum.
/// </summary>
public static class LptShardPlanner
{
    public static IReadOnlyList<ShardPlan> Plan(IReadOnlyDictionary<string, double> expectedMs, int shards)
    {
        ArgumentNullException.ThrowIfNull(expectedMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var ordered = expectedMs.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var count = Math.Max(1, Math.Min(shards, ordered.Count));
        var tests = Enumerable.Range(0, count).Select(_ => new List<string>()).ToArray();
        var loads = new double[count];
        foreach (var (testId, duration) in ordered)
        {
            var least = 0;
            for (var i = 1; i < count; i++)
            {
                if (loads[i] < loads[least])
                {
                    least = i;
                }
            }

            tests[least].Add(testId);
            loads[least] += duration;
        }

        return [.. Enumerable.Range(0, count).Select(i => new ShardPlan(i, tests[i], loads[i]))];
    }
}
