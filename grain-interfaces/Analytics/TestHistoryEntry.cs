using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A test's result in one run, as its history keeps it.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Branch">The branch the run tested.</param>
/// <param name="Commit">The commit the run tested.</param>
/// <param name="RecordedAt">When the run was first recorded.</param>
/// <param name="Status">The test's status in the run.</param>
/// <param name="DurationMs">Milliseconds, the sum of every attempt.</param>
/// <param name="InfrastructureFailure">The run failed wholesale; flaky detection leaves it out.</param>
/// <param name="ClusterId">The failure cluster of the last failing attempt, when the test failed.</param>
public sealed record TestHistoryEntry(
    string RunId,
    string Branch,
    string Commit,
    DateTimeOffset RecordedAt,
    TestStatus Status,
    double DurationMs,
    bool InfrastructureFailure,
    string? ClusterId);
