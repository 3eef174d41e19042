using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>Runs of a suite whose adapter lists its tests: shards planned from duration history, each run by its own grain.</summary>
public sealed class ShardingTests : IAsyncLifetime
{
    private ExecutionCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await ExecutionCluster.StartAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Shards_are_planned_longest_first_from_the_suites_duration_history()
    {
        foreach (var test in new[] { "a", "b", "c", "d", "e" })
        {
            cluster.Workspace.Write($"scripts/{test}.py", "print('ok')\n");
        }

        // History: a 5 s, b 3 s, c 2 s, d 1 s; e never ran, so it expects the median of the others' medians (nearest
        // rank of 1, 2, 3, 5 s: the 2nd, 2 s). Longest first: a5 -> s0; b3 -> s1; c2 -> s1 (5); e2 -> s0 (7, tie goes
        // to the lower index); d1 -> s1 (6).
        var history = new (string Id, double Ms)[] { ("a", 5000), ("b", 3000), ("c", 2000), ("d", 1000) };
        await cluster.Grains.GetGrain<ITestRunGrain>("history-1").Import(new TestRunImport(
            new TestRunMetadata("scripts", "junit-import", "ci", "main", "0001"),
            ResultFormat.JUnit,
            "earlier.xml",
            [.. history.Select(h => new TestCaseResult(h.Id, [new TestAttempt(TestOutcome.Passed, h.Ms, null, null, null, [])]))]));
        var suite = new TestSuiteSpec("scripts", ScriptFolderAdapter.AdapterName, null, null, "scripts", null, null, null, 60);

        await cluster.StartRunAsync("sharded-1", suite, shards: 2);
        var done = await cluster.WaitForEndAsync("sharded-1");

        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        Assert.Equal([new[] { "a", "e" }, ["b", "c", "d"]], done.Shards.Select(s => s.TestIds!.ToArray()).ToArray());
        Assert.Equal([7000.0, 6000.0], done.Shards.Select(s => s.EstimatedMs));
        Assert.All(done.Shards, s => Assert.Equal(TestShardStatus.Completed, s.Status));
        Assert.Equal(new TestRunTotals(5, 5, 0, 0, 0, 0, 5, 1), done.Totals);
        Assert.Equal(["shard-0", "shard-1"], (await cluster.ReportAsync("sharded-1")).Files.Order(StringComparer.Ordinal));
    }
}
