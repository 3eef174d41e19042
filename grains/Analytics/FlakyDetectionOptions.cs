namespace Maestro.Grains.Analytics;

/// <summary>The flaky rules' windows and thresholds. Defaults follow the peers' published numbers (see README).</summary>
public sealed class FlakyDetectionOptions
{
    /// <summary>How many of a test's most recent counted runs the rules look at. Default 30 (ReportPortal's flaky widget).</summary>
    public int WindowSize { get; set; } = 30;

    /// <summary>Fewest counted runs before flip rates are computed. Default 5.</summary>
    public int MinRunsForFlipRate { get; set; } = 5;

    /// <summary>Flip rate (switches ÷ (runs − 1)) at or above which a test is flaky. Default 0.3: PFPFP (1.0) is flaky, PPPFF (0.25) is a regression.</summary>
    public double FlipRateThreshold { get; set; } = 0.3;

    /// <summary>Weight of the newest switch in the exponentially weighted flip rate. Default 0.2: one switch alone never reaches the threshold.</summary>
    public double EwmaAlpha { get; set; } = 0.2;

    /// <summary>Weighted flip rate at or above which a test is flaky. Default 0.3 (two switches in a row reach 0.36).</summary>
    public double EwmaThreshold { get; set; } = 0.3;

    /// <summary>Fewest counted runs before the windowed failure rate counts (the minimum sample). Default 10.</summary>
    public int MinRunsForFailureRate { get; set; } = 10;

    /// <summary>Failure rate at or above which (and below 1) a test is flaky. Default 0.1.</summary>
    public double FailureRateThreshold { get; set; } = 0.1;

    /// <summary>A test whose last this-many counted runs all failed, none passing on those commits, is Broken, not flaky. Default 3.</summary>
    public int BrokenStreak { get; set; } = 3;

    public void Validate()
    {
        if (WindowSize < 2 || MinRunsForFlipRate < 2 || MinRunsForFailureRate < 1 || BrokenStreak < 1)
        {
            throw new ArgumentException("Flaky detection: WindowSize and MinRunsForFlipRate must be at least 2, MinRunsForFailureRate and BrokenStreak at least 1.");
        }

        if (EwmaAlpha is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EwmaAlpha), EwmaAlpha, "Flaky detection: EwmaAlpha must be in (0, 1].");
        }

        foreach (var (name, value) in new[] { (nameof(FlipRateThreshold), FlipRateThreshold), (nameof(EwmaThreshold), EwmaThreshold), (nameof(FailureRateThreshold), FailureRateThreshold) })
        {
            if (value is <= 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(name, value, $"Flaky detection: {name} must be in (0, 1].");
            }
        }
    }
}
