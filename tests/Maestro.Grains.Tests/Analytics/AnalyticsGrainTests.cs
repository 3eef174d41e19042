using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Runtime.TestingHost;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Maestro.Grains.Tests.Analytics;

/// <summary>Suite and test histories fed by real imports into run grains on a real silo.</summary>
public sealed class AnalyticsGrainTests
{
    [Fact]
    public async Task Newly_failing_and_fixed_tests_are_marked_against_the_previous_run_on_the_same_branch()
    {
        await using var cluster = await StartAsync();
        await ImportAsync(cluster, "r1", "main", "c1", ("A", 'P'), ("B", 'F'), ("C", 'F'));
        await ImportAsync(cluster, "r2", "feature", "c2", ("A", 'F'), ("B", 'F'), ("C", 'F'));

        var r3 = await ImportAsync(cluster, "r3", "main", "c3", ("A", 'F'), ("B", 'P'), ("C", 'F'));

        Assert.Equal("r1", r3.Comparison!.PreviousRunId);
        Assert.Equal(["A"], r3.Comparison.NewlyFailing);
        Assert.Equal(["B"], r3.Comparison.Fixed);
        var gate = await cluster.Client.GetGrain<ITestRunGrain>("r3").EvaluateGate(new QualityGateCriteria(null, 0, null, null));
        Assert.False(gate.Passed);
        Assert.Equal("1 new against run r1: A", Assert.Single(gate.Checks).Reason);
    }

    [Fact]
    public async Task Flaky_tests_are_found_with_their_evidence_and_infrastructure_failures_are_left_out()
    {
        await using var cluster = await StartAsync();
        // X alternates over r1..r5; r6 is an infrastructure failure (3 of 4 failed), the only run where Y failed.
        var x = "PFPFP";
        for (var i = 0; i < x.Length; i++)
        {
            await ImportAsync(cluster, $"r{i + 1}", "main", $"c{i + 1}", ("X", x[i]), ("Y", 'P'), ("W1", 'P'), ("W2", 'P'));
        }

        var infra = await ImportAsync(cluster, "r6", "main", "c6", ("X", 'F'), ("Y", 'F'), ("W1", 'F'), ("W2", 'P'));

        Assert.True(infra.InfrastructureFailure);
        var flaky = Assert.Single(await cluster.Client.GetGrain<ISuiteHistoryGrain>("web").GetFlakyTests("main"));
        Assert.Equal("X", flaky.TestId);
        Assert.Equal(FlakyClassification.Flaky, flaky.Verdict.Classification);
        Assert.Equal(1.0, flaky.Verdict.FlipRate);
        Assert.Equal(0.5904, flaky.Verdict.EwmaFlipRate!.Value, 10);
        Assert.Equal(5, flaky.Verdict.RunsConsidered);
        Assert.Equal(1, flaky.Verdict.RunsExcludedAsInfrastructure);

        var history = await cluster.Client.GetGrain<ITestHistoryGrain>(TestHistoryKey.For("web", "X")).GetReport(null);
        Assert.Equal(["r6", "r5", "r4", "r3", "r2", "r1"], history.Entries.Select(e => e.RunId));
        Assert.Equal(3.0 / 5, history.PassRate, 10);
        Assert.Equal(new DurationStatistics(5, 26, 10, 50, 50), history.Durations);
        var main = Assert.Single(history.Branches);
        Assert.Equal(("main", 6, TestStatus.Failed), (main.Branch, main.Runs, main.LastStatus));

        var trend = await cluster.Client.GetGrain<ISuiteHistoryGrain>("web").GetTrend("main");
        Assert.Equal([1, 0.75, 1, 0.75, 1, 0.25], trend.Select(p => p.PassRate));
        Assert.Equal([false, false, false, false, false, true], trend.Select(p => p.InfrastructureFailure));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_a_page_at_a_time()
    {
        await using var cluster = await StartAsync();
        for (var i = 1; i <= 6; i++)
        {
            await ImportAsync(cluster, $"r{i}", i % 2 == 0 ? "main" : "dev", $"c{i}", ("A", 'P'));
        }

        var suite = cluster.Client.GetGrain<ISuiteHistoryGrain>("web");
        var first = await suite.ListRuns(null, 1, 4);
        var second = await suite.ListRuns(null, 2, 4);
        var main = await suite.ListRuns("main", 1, 10);

        Assert.Equal(6, first.TotalItems);
        Assert.Equal(["r6", "r5", "r4", "r3"], first.Items.Select(r => r.RunId));
        Assert.Equal(["r2", "r1"], second.Items.Select(r => r.RunId));
        Assert.Equal(["r6", "r4", "r2"], main.Items.Select(r => r.RunId));
        await Assert.ThrowsAsync<ArgumentException>(() => suite.ListRuns(null, 0, 10));
    }

    [Fact]
    public async Task A_test_history_keeps_a_bounded_number_of_the_newest_entries_across_restarts()
    {
        await using var cluster = await StartAsync();
        var key = TestHistoryKey.For("web", "com.acme.A.t");
        for (var i = 1; i <= 105; i++)
        {
            await cluster.Client.GetGrain<ITestHistoryGrain>(key).Record(
                new TestHistoryEntry($"r{i}", "main", $"c{i}", DateTimeOffset.UnixEpoch.AddMinutes(i), TestStatus.Passed, i, false, null));
        }

        await cluster.RestartSiloAsync();
        var report = await cluster.Client.GetGrain<ITestHistoryGrain>(key).GetReport(null);

        Assert.Equal(100, report.Entries.Count);
        Assert.Equal("r105", report.Entries[0].RunId);
        Assert.Equal("r6", report.Entries[^1].RunId);
        Assert.Equal(("web", "com.acme.A.t"), (report.Suite, report.TestId));
    }

    private static async Task<InProcessTestCluster> StartAsync()
    {
        var cluster = new InProcessTestClusterBuilder()
            .ConfigureHost(host => host.Services.AddTestResults(o =>
            {
                o.MaxHistoryEntriesPerTest = 100;
                o.MinTestsForInfrastructureVerdict = 4;
            }))
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>A run of suite "web" where each test ran once; P passed, F failed. Durations: 10 ms per passing test, 50 per failing.</summary>
    private static Task<TestRunReport> ImportAsync(InProcessTestCluster cluster, string runId, string branch, string commit, params (string Test, char Result)[] tests) =>
        cluster.Client.GetGrain<ITestRunGrain>(runId).Import(new TestRunImport(
            new TestRunMetadata("web", "junit-import", "ci", branch, commit),
            ResultFormat.JUnit,
            $"{runId}.xml",
            tests.Select(t => new TestCaseResult(t.Test, [t.Result == 'P'
                ? new TestAttempt(TestOutcome.Passed, 10, null, null, null, [])
                : new TestAttempt(TestOutcome.Failed, 50, "expected 1 but was 2", null, "AssertionError", [])])).ToList()));
}
