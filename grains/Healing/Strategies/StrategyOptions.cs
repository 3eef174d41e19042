namespace Maestro.Grains.Healing.Strategies;

/// <summary>The evidence the non-locator strategies require (section <c>Maestro:Healing:Strategies</c>).</summary>
public sealed class StrategyOptions
{
    /// <summary>Timing: passing-or-failing runs with a duration needed before a timeout is raised (default 5).</summary>
    public int TimingMinimumSamples { get; set; } = 5;

    /// <summary>Timing: the new timeout is the 95th percentile duration times this (default 1.5), rounded up to a second.</summary>
    public double TimingHeadroom { get; set; } = 1.5;

    /// <summary>Timing: a timeout is raised only when the 95th percentile reaches this share of it (default 0.8); otherwise more time would only hide a hang.</summary>
    public double TimingNearLimit { get; set; } = 0.8;

    /// <summary>Timing: never propose more than this (default 120 000 ms).</summary>
    public int TimingMaximumMs { get; set; } = 120_000;

    /// <summary>Assertion update: consecutive failing runs, this one included, that must show the same expected and the same new value (default 3).</summary>
    public int AssertionConsecutiveRuns { get; set; } = 3;

    /// <summary>Flaky stabilisation: at or above this failure rate a flaky test is quarantined rather than retried (default 0.3).</summary>
    public double QuarantineFailureRate { get; set; } = 0.3;

    /// <summary>Flaky stabilisation: retries proposed for a flaky test (default 2).</summary>
    public int FlakyRetries { get; set; } = 2;

    /// <summary>Environment: a service down for less than this is waited for; longer, the run fails fast (default 5 min).</summary>
    public TimeSpan OutageWaitWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Environment: how long to wait for a service that went down recently (default 2 min).</summary>
    public TimeSpan ServiceWaitTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>API contract: the least name similarity for a renamed field (default 0.7).</summary>
    public double FieldMinimumSimilarity { get; set; } = 0.7;

    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (TimingMinimumSamples < 1 || TimingHeadroom < 1 || TimingNearLimit is <= 0 or > 1 || TimingMaximumMs < 1000
            || AssertionConsecutiveRuns < 2 || QuarantineFailureRate is <= 0 or > 1 || FlakyRetries < 1
            || OutageWaitWindow <= TimeSpan.Zero || ServiceWaitTimeout <= TimeSpan.Zero || FieldMinimumSimilarity is <= 0 or > 1)
        {
            throw new ArgumentException("Healing:Strategies: a setting is out of range (see StrategyOptions for each one's limits).");
        }
    }
}
