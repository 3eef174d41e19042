using Maestro.Grains.Analytics;
using Maestro.Grains.TestRuns.Parsing;

namespace Maestro.Grains.TestRuns;

/// <summary>Test results and their analytics: parsing limits, history bounds, infrastructure-failure exclusion, and the rules' own options.</summary>
public sealed class TestResultsOptions
{
    /// <summary>Entries kept per test history, oldest dropped first. Default 200 (at least 100 is the promise).</summary>
    public int MaxHistoryEntriesPerTest { get; set; } = 200;

    /// <summary>Runs kept per suite for listing, trends and comparisons. Default 1000.</summary>
    public int MaxRunsPerSuite { get; set; } = 1000;

    /// <summary>
    /// A run whose failing share ((failed + error) ÷ (total − skipped)) is above this is an infrastructure failure and
    /// flaky detection ignores it. Default 0.5: most tests failed.
    /// </summary>
    public double InfrastructureFailureThreshold { get; set; } = 0.5;

    /// <summary>Fewest tests that ran before a run can be called an infrastructure failure. Default 10: a one-test run that fails is just a failure.</summary>
    public int MinTestsForInfrastructureVerdict { get; set; } = 10;

    public FlakyDetectionOptions Flaky { get; set; } = new();

    public FailureClusteringOptions Clustering { get; set; } = new();

    public QualityGateOptions QualityGate { get; set; } = new();

    public ResultParserLimits Parsing { get; set; } = new();

    public void Validate()
    {
        if (MaxHistoryEntriesPerTest < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHistoryEntriesPerTest), MaxHistoryEntriesPerTest, "must keep at least 100 entries per test");
        }

        if (MaxRunsPerSuite < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRunsPerSuite), MaxRunsPerSuite, "must keep at least 2 runs per suite");
        }

        if (InfrastructureFailureThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InfrastructureFailureThreshold), InfrastructureFailureThreshold, "must be in (0, 1]");
        }

        if (MinTestsForInfrastructureVerdict < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinTestsForInfrastructureVerdict), MinTestsForInfrastructureVerdict, "must be at least 1");
        }

        Flaky.Validate();
        Clustering.Validate();
        QualityGate.Validate();
        Parsing.Validate();
    }
}
