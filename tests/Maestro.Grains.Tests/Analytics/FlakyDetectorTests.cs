using Maestro.GrainInterfaces.Analytics;
using Maestro.Grains.Analytics;
using Xunit;

namespace Maestro.Grains.Tests.Analytics;

/// <summary>Expected values are worked by hand from the definitions in FlakyDetector (default options unless stated).</summary>
public sealed class FlakyDetectorTests
{
    private static readonly FlakyDetectionOptions Defaults = new();

    [Fact]
    public void Alternating_results_flip_every_time_and_are_flaky()
    {
        // PFPFP: 4 switches in 5 runs → 4/4 = 1.0. EWMA (α 0.2) over switches 1,1,1,1: 0.2, 0.36, 0.488, 0.5904.
        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PFPFP"), Defaults);

        Assert.Equal(FlakyClassification.Flaky, verdict.Classification);
        Assert.Equal(1.0, verdict.FlipRate);
        Assert.Equal(0.5904, verdict.EwmaFlipRate!.Value, 10);
        Assert.Null(verdict.FailureRate);
        Assert.Empty(verdict.SameCommitEvidence);
        Assert.Equal(5, verdict.RunsConsidered);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("flip rate 1 (4 switches in 5 runs)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_regression_flips_once_and_is_not_flaky()
    {
        // PPPFF: 1 switch in 5 runs → 0.25 < 0.3. EWMA over 0,0,1,0: 0, 0, 0.2, 0.16.
        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PPPFF"), Defaults);

        Assert.Equal(FlakyClassification.Healthy, verdict.Classification);
        Assert.Equal(0.25, verdict.FlipRate);
        Assert.Equal(0.16, verdict.EwmaFlipRate!.Value, 10);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void Failing_the_last_three_runs_is_broken_not_flaky()
    {
        // PPPFFF: 1/5 = 0.2; EWMA over 0,0,1,0,0: 0, 0, 0.2, 0.16, 0.128.
        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PPPFFF"), Defaults);

        Assert.Equal(FlakyClassification.Broken, verdict.Classification);
        Assert.Equal(0.2, verdict.FlipRate!.Value, 10);
        Assert.Equal(0.128, verdict.EwmaFlipRate!.Value, 10);
    }

    [Fact]
    public void Passing_and_failing_on_the_same_commit_is_flaky_even_when_the_rates_are_low()
    {
        // F and P both on c1, then P on c2..c6: flip rate 1/6 ≈ 0.167; EWMA over 1,0,0,0,0,0 ends at 0.2·0.8⁵ = 0.065536.
        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("FPPPPPP", i => i < 2 ? "c1" : $"c{i}"), Defaults);

        Assert.Equal(FlakyClassification.Flaky, verdict.Classification);
        Assert.Equal(["c1"], verdict.SameCommitEvidence);
        Assert.Equal(1.0 / 6, verdict.FlipRate!.Value, 10);
        Assert.Equal(0.065536, verdict.EwmaFlipRate!.Value, 10);
        Assert.Equal(["passed and failed on the same commit: c1"], verdict.Reasons);
    }

    [Fact]
    public void Passing_on_a_retry_is_same_commit_evidence()
    {
        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PRPPP"), Defaults);

        Assert.Equal(FlakyClassification.Flaky, verdict.Classification);
        Assert.Equal(["c2"], verdict.SameCommitEvidence);
        Assert.Equal(0.0, verdict.FlipRate);
    }

    [Fact]
    public void The_windowed_failure_rate_needs_the_minimum_sample()
    {
        // PPPPFPPPP (9 runs): flip rate 2/8 = 0.25, EWMA 0.18432, no failure rate below 10 runs → healthy.
        var nine = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PPPPFPPPP"), Defaults);
        Assert.Equal(FlakyClassification.Healthy, nine.Classification);
        Assert.Null(nine.FailureRate);
        Assert.Equal(0.18432, nine.EwmaFlipRate!.Value, 10);

        // One more pass: 10 runs, 1 failure → 0.1 ≥ 0.1 → flaky; flip rate 2/9, EWMA 0.147456.
        var ten = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PPPPFPPPPP"), Defaults);
        Assert.Equal(FlakyClassification.Flaky, ten.Classification);
        Assert.Equal(0.1, ten.FailureRate);
        Assert.Equal(2.0 / 9, ten.FlipRate!.Value, 10);
        Assert.Equal(0.147456, ten.EwmaFlipRate!.Value, 10);
        Assert.Equal(["failed 1 of the last 10 runs (0.1 ≥ 0.1)"], ten.Reasons);
    }

    [Fact]
    public void Infrastructure_failures_are_excluded_from_every_signal()
    {
        // PFPFPFPFPP where every F is an infrastructure failure: six passes count, four runs are excluded.
        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PFPFPFPFPP", infrastructure: i => i is 1 or 3 or 5 or 7), Defaults);

        Assert.Equal(FlakyClassification.Healthy, verdict.Classification);
        Assert.Equal(6, verdict.RunsConsidered);
        Assert.Equal(4, verdict.RunsExcludedAsInfrastructure);
        Assert.Equal(0.0, verdict.FlipRate);

        var counted = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PFPFPFPFPP"), Defaults);
        Assert.Equal(FlakyClassification.Flaky, counted.Classification);
        Assert.Equal(8.0 / 9, counted.FlipRate!.Value, 10);
    }

    [Fact]
    public void Only_the_window_of_most_recent_counted_runs_is_looked_at_and_skips_do_not_count()
    {
        var options = new FlakyDetectionOptions { WindowSize = 5 };

        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("FPFPFPPSPPP"), options);

        Assert.Equal(FlakyClassification.Healthy, verdict.Classification);
        Assert.Equal(5, verdict.RunsConsidered);
        Assert.Equal(0.0, verdict.FlipRate);
    }

    [Fact]
    public void Too_few_runs_is_insufficient_data()
    {
        var verdict = FlakyDetector.Evaluate(HistoryBuilder.FromLetters("PFP"), Defaults);

        Assert.Equal(FlakyClassification.InsufficientData, verdict.Classification);
        Assert.Null(verdict.FlipRate);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FlakyDetectionOptions { EwmaAlpha = 0 }.Validate());

        Assert.Equal("EwmaAlpha", error.ParamName);
    }
}
