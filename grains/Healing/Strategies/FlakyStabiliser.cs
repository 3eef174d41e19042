using System.Globalization;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Stabilises a test the analytics call flaky: retries when it fails now and then, quarantine when it fails often
/// enough that retries would make the suite slow and still red. A broken test is not flaky and gets neither.
/// </summary>
public static class FlakyStabiliser
{
    public static StrategyResult Heal(HealingFailure failure, FlakyVerdict verdict, StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(options);
        var evidence = new List<string> { $"Flaky verdict: {verdict.Classification} over {verdict.RunsConsidered} runs." };
        evidence.AddRange(verdict.Reasons);
        if (verdict.Classification != FlakyClassification.Flaky)
        {
            var why = verdict.Classification == FlakyClassification.Broken
                ? "The test fails consistently: that is a broken test or a regression, not flakiness; retries would hide it."
                : "The analytics do not call this test flaky: nothing to stabilise.";
            return new StrategyResult(null, [], [.. evidence, why]);
        }

        var failureRate = verdict.FailureRate ?? 0;
        var signals = verdict.Reasons.Count;
        // Each independent signal (same-commit pass and fail, flip rate, failure rate) adds confidence.
        var confidence = Math.Round(Math.Min(0.95, 0.7 + (0.1 * signals)), 4);
        if (failureRate >= options.QuarantineFailureRate)
        {
            var rate = failureRate.ToString("0.00", CultureInfo.InvariantCulture);
            var quarantine = new HealingFix(HealingStrategy.FlakyStabilisation,
                $"Quarantine {failure.TestId}: it fails in {rate} of its runs, too often for retries",
                Math.Min(confidence, 0.74), [.. evidence, $"Failure rate {rate} ≥ {options.QuarantineFailureRate}: quarantine, so its result stops gating the suite while it is fixed."],
                "quarantine", null);
            return new StrategyResult(quarantine, [new HealingCandidate("quarantine", quarantine.Confidence, [], null, null), new HealingCandidate($"retry {options.FlakyRetries} times", 0.4, [], null, "fails too often for retries")], []);
        }

        var retry = new HealingFix(HealingStrategy.FlakyStabilisation, $"Retry {failure.TestId} up to {options.FlakyRetries} times",
            confidence, [.. evidence, $"Failure rate {failureRate:0.00} < {options.QuarantineFailureRate}: a retry passes it; the attempts stay recorded, so it stays visible as flaky."],
            $"retries: {options.FlakyRetries}", null);
        return new StrategyResult(retry, [new HealingCandidate($"retry {options.FlakyRetries} times", confidence, [], null, null)], []);
    }
}
