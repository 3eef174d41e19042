using System.Globalization;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Analytics;

/// <summary>Checks a run against a gate's limits; every limit set yields a check with its reason, passed or not.</summary>
public static class QualityGateEvaluator
{
    public static QualityGateResult Evaluate(TestRunReport run, QualityGateCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(criteria);
        var checks = new List<QualityGateCheck>();
        if (criteria.MinPassRate is { } minPassRate)
        {
            var passRate = run.Totals.PassRate;
            var ran = run.Totals.Total - run.Totals.Skipped;
            checks.Add(new QualityGateCheck(
                "pass-rate",
                passRate >= minPassRate,
                Invariant($"{passRate:0.####}"),
                Invariant($"≥ {minPassRate:0.####}"),
                Invariant($"{run.Totals.Passed + run.Totals.Flaky} of {ran} tests that ran passed ({passRate:P1}); the gate needs at least {minPassRate:P1}")));
        }

        if (criteria.MaxNewFailures is { } maxNew)
        {
            var newlyFailing = run.Comparison?.NewlyFailing ?? [];
            var against = run.Comparison?.PreviousRunId is { } previous ? $"run {previous}" : "no earlier run on the branch, so every failure is new";
            checks.Add(new QualityGateCheck(
                "new-failures",
                newlyFailing.Count <= maxNew,
                newlyFailing.Count.ToString(CultureInfo.InvariantCulture),
                Invariant($"≤ {maxNew}"),
                newlyFailing.Count == 0
                    ? $"no new failures against {against}"
                    : $"{newlyFailing.Count} new against {against}: {string.Join(", ", newlyFailing.Take(10))}{(newlyFailing.Count > 10 ? ", …" : string.Empty)}"));
        }

        if (criteria.MaxFlakyTests is { } maxFlaky)
        {
            var flaky = run.Tests.Where(t => t.Status == TestStatus.Flaky).Select(t => t.TestId).ToList();
            checks.Add(new QualityGateCheck(
                "flaky-tests",
                flaky.Count <= maxFlaky,
                flaky.Count.ToString(CultureInfo.InvariantCulture),
                Invariant($"≤ {maxFlaky}"),
                flaky.Count == 0 ? "no test passed only on a retry" : $"{flaky.Count} passed only on a retry: {string.Join(", ", flaky.Take(10))}{(flaky.Count > 10 ? ", …" : string.Empty)}"));
        }

        if (criteria.MaxDurationMs is { } maxDuration)
        {
            checks.Add(new QualityGateCheck(
                "duration",
                run.DurationMs <= maxDuration,
                Invariant($"{run.DurationMs:0} ms"),
                Invariant($"≤ {maxDuration:0} ms"),
                Invariant($"the run's attempts took {run.DurationMs:0} ms in all; the gate allows {maxDuration:0} ms")));
        }

        return new QualityGateResult(checks.All(c => c.Passed), checks);
    }

    /// <exception cref="ArgumentException">A limit is out of range; the message names it.</exception>
    public static void Validate(QualityGateCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.MinPassRate is < 0 or > 1)
        {
            throw new ArgumentException($"minPassRate must be between 0 and 1, got {criteria.MinPassRate}.");
        }

        if (criteria.MaxNewFailures < 0 || criteria.MaxFlakyTests < 0 || criteria.MaxDurationMs < 0)
        {
            throw new ArgumentException("maxNewFailures, maxFlakyTests and maxDurationMs must not be negative.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
