using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns;

/// <summary>A run as stored: one record per run, written once per import.</summary>
public sealed class TestRunState
{
    public TestRunMetadata? Metadata { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<string> Files { get; set; } = [];

    /// <summary>Every test with every attempt, in first-imported order.</summary>
    public List<TestCaseResult> Tests { get; set; } = [];

    public RunComparison? Comparison { get; set; }

    /// <summary>
    /// Set in the same write as an import and cleared once the suite and test histories have it: a silo that dies in
    /// between finishes the job on the run's next activation, so an acknowledged import always reaches the analytics.
    /// </summary>
    public bool AnalyticsPending { get; set; }
}
