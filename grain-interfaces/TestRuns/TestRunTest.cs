namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>A test in a run: its status over all attempts, and every attempt.</summary>
/// <param name="TestId">The test's stable id.</param>
/// <param name="Status">The test's status in the run.</param>
/// <param name="DurationMs">The sum of all attempts' durations.</param>
/// <param name="Attempts">Every attempt in the order they ran.</param>
public sealed record TestRunTest(string TestId, TestStatus Status, double DurationMs, IReadOnlyList<TestAttempt> Attempts);
