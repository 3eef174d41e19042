using System.Globalization;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Analytics;

/// <summary>
/// Classifies one test's history with three independent signals, each reported with its evidence: passed and failed
/// on the same commit (a pass on retry counts), the flip rate and its exponentially weighted form, and the failure
/// rate over the window with a minimum sample. Infrastructure-failure runs and skipped runs do not count. A test
/// failing its most recent runs consistently is Broken, kept apart from Flaky.
/// </summary>
public static class FlakyDetector
{
    /// <param name="history">The test's entries oldest first.</param>
    /// <param name="options">The windows and thresholds.</param>
    public static FlakyVerdict Evaluate(IReadOnlyList<TestHistoryEntry> history, FlakyDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var infrastructure = 0;
        var counted = new List<TestHistoryEntry>(Math.Min(history.Count, options.WindowSize));
        for (var i = history.Count - 1; i >= 0 && counted.Count < options.WindowSize; i--)
        {
            var entry = history[i];
            if (entry.InfrastructureFailure)
            {
                infrastructure++;
            }
            else if (entry.Status != TestStatus.Skipped)
            {
                counted.Add(entry);
            }
        }

        counted.Reverse();
        var n = counted.Count;
        var reasons = new List<string>();
        var sameCommit = SameCommitEvidence(counted);
        if (sameCommit.Count > 0)
        {
            reasons.Add($"passed and failed on the same commit: {string.Join(", ", sameCommit)}");
        }

        double? flipRate = null;
        double? ewma = null;
        if (n >= options.MinRunsForFlipRate)
        {
            var flips = 0;
            var weighted = 0.0;
            for (var i = 1; i < n; i++)
            {
                var flipped = IsFailure(counted[i].Status) != IsFailure(counted[i - 1].Status);
                flips += flipped ? 1 : 0;
                weighted = (options.EwmaAlpha * (flipped ? 1 : 0)) + ((1 - options.EwmaAlpha) * weighted);
            }

            flipRate = (double)flips / (n - 1);
            ewma = weighted;
            if (flipRate >= options.FlipRateThreshold)
            {
                reasons.Add(Format($"flip rate {flipRate:0.###} ({flips} switches in {n} runs) ≥ {options.FlipRateThreshold}"));
            }

            if (ewma >= options.EwmaThreshold)
            {
                reasons.Add(Format($"weighted flip rate {ewma:0.###} ≥ {options.EwmaThreshold}"));
            }
        }

        double? failureRate = null;
        if (n >= options.MinRunsForFailureRate)
        {
            var failures = counted.Count(e => IsFailure(e.Status));
            failureRate = (double)failures / n;
            if (failureRate >= options.FailureRateThreshold && failures < n)
            {
                reasons.Add(Format($"failed {failures} of the last {n} runs ({failureRate:0.###} ≥ {options.FailureRateThreshold})"));
            }
        }

        var classification = Classify(counted, sameCommit, reasons, options);
        if (classification == FlakyClassification.Broken)
        {
            reasons.Insert(0, $"failed each of the last {options.BrokenStreak} runs with no pass on those commits");
        }

        return new FlakyVerdict(classification, n, infrastructure, sameCommit, flipRate, ewma, failureRate, reasons);
    }

    private static FlakyClassification Classify(List<TestHistoryEntry> counted, IReadOnlyList<string> sameCommit, List<string> reasons, FlakyDetectionOptions options)
    {
        if (counted.Count >= options.BrokenStreak)
        {
            var streak = counted.Skip(counted.Count - options.BrokenStreak).ToList();
            if (streak.All(e => IsFailure(e.Status)) && !streak.Any(e => sameCommit.Contains(e.Commit, StringComparer.Ordinal)))
            {
                return FlakyClassification.Broken;
            }
        }

        if (reasons.Count > 0)
        {
            return FlakyClassification.Flaky;
        }

        return counted.Count < options.MinRunsForFlipRate ? FlakyClassification.InsufficientData : FlakyClassification.Healthy;
    }

    /// <summary>Commits with both a pass and a failure among their runs, or a run that passed only on a retry.</summary>
    private static List<string> SameCommitEvidence(List<TestHistoryEntry> counted)
    {
        var evidence = new List<string>();
        foreach (var commit in counted.GroupBy(e => e.Commit, StringComparer.Ordinal))
        {
            var passed = commit.Any(e => e.Status is TestStatus.Passed or TestStatus.Flaky);
            var failed = commit.Any(e => IsFailure(e.Status));
            if (commit.Key.Length > 0 && ((passed && failed) || commit.Any(e => e.Status == TestStatus.Flaky)))
            {
                evidence.Add(commit.Key);
            }
        }

        return evidence;
    }

    /// <summary>A run counts as a failure when the test's final status failed; a pass on retry ended passing.</summary>
    private static bool IsFailure(TestStatus status) => status is TestStatus.Failed or TestStatus.Error;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
