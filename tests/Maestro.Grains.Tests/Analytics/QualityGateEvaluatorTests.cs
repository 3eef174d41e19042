using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Analytics;
using Xunit;

namespace Maestro.Grains.Tests.Analytics;

public sealed class QualityGateEvaluatorTests
{
    [Fact]
    public void A_run_below_the_pass_rate_with_new_failures_fails_with_a_reason_per_limit()
    {
        // 20 tests: 16 passed, 1 flaky, 2 failed, 1 skipped → (16 + 1) / 19 = 0.8947.
        var run = Run(passed: 16, flaky: 1, failed: 2, skipped: 1, newlyFailing: ["t-failed-0"], durationMs: 90_000);

        var result = QualityGateEvaluator.Evaluate(run, new QualityGateCriteria(0.95, 0, 1, 60_000));

        Assert.False(result.Passed);
        var checks = result.Checks.ToDictionary(c => c.Name);
        Assert.Equal(["pass-rate", "new-failures", "flaky-tests", "duration"], result.Checks.Select(c => c.Name));
        Assert.False(checks["pass-rate"].Passed);
        Assert.Equal("0.8947", checks["pass-rate"].Actual);
        Assert.StartsWith("17 of 19 tests that ran passed", checks["pass-rate"].Reason, StringComparison.Ordinal);
        Assert.False(checks["new-failures"].Passed);
        Assert.Equal("1 new against run previous-run: t-failed-0", checks["new-failures"].Reason);
        Assert.True(checks["flaky-tests"].Passed);
        Assert.False(checks["duration"].Passed);
        Assert.Equal("90000 ms", checks["duration"].Actual);
    }

    [Fact]
    public void A_run_within_every_limit_passes_and_unset_limits_are_not_checked()
    {
        var run = Run(passed: 19, flaky: 1, failed: 0, skipped: 0, newlyFailing: [], durationMs: 1000);

        var result = QualityGateEvaluator.Evaluate(run, new QualityGateCriteria(0.95, 0, null, null));

        Assert.True(result.Passed);
        Assert.Equal(["pass-rate", "new-failures"], result.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Limits_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => QualityGateEvaluator.Validate(new QualityGateCriteria(1.5, null, null, null)));
        Assert.Throws<ArgumentException>(() => QualityGateEvaluator.Validate(new QualityGateCriteria(null, -1, null, null)));
    }

    private static TestRunReport Run(int passed, int flaky, int failed, int skipped, IReadOnlyList<string> newlyFailing, double durationMs)
    {
        var tests = new List<TestRunTest>();
        void Add(int count, TestStatus status, string prefix)
        {
            for (var i = 0; i < count; i++)
            {
                tests.Add(new TestRunTest($"{prefix}-{i}", status, 0, []));
            }
        }

        Add(passed, TestStatus.Passed, "t-passed");
        Add(flaky, TestStatus.Flaky, "t-flaky");
        Add(failed, TestStatus.Failed, "t-failed");
        Add(skipped, TestStatus.Skipped, "t-skipped");
        var total = passed + flaky + failed + skipped;
        var totals = new TestRunTotals(total, passed, failed, flaky, skipped, 0, total, (double)(passed + flaky) / (total - skipped));
        return new TestRunReport(
            "run", new TestRunMetadata("suite", "junit-import", "ci", "main", "abc"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, ["f.xml"],
            totals, durationMs, false, new RunComparison("previous-run", newlyFailing, []), tests);
    }
}
