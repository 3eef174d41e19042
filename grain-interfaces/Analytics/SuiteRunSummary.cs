using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A run as its suite's history keeps it: enough for listing, trends, comparisons and finding flaky candidates.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Branch">The branch the run tested.</param>
/// <param name="Commit">The commit the run tested.</param>
/// <param name="Environment">Where the run ran.</param>
/// <param name="RecordedAt">When the run was first recorded.</param>
/// <param name="Totals">Counts by status.</param>
/// <param name="DurationMs">Milliseconds, the sum of every attempt.</param>
/// <param name="InfrastructureFailure">Most of the run's tests failed: flaky detection leaves the run out.</param>
/// <param name="FailingTestIds">Tests that failed or errored in the run.</param>
/// <param name="FlakyTestIds">Tests that passed only on a retry.</param>
public sealed record SuiteRunSummary(
    string RunId,
    string Branch,
    string Commit,
    string Environment,
    DateTimeOffset RecordedAt,
    TestRunTotals Totals,
    double DurationMs,
    bool InfrastructureFailure,
    IReadOnlyList<string> FailingTestIds,
    IReadOnlyList<string> FlakyTestIds);
