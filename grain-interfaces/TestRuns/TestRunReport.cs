namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>Everything a run holds.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Metadata">What the run is.</param>
/// <param name="CreatedAt">When the first file was imported.</param>
/// <param name="UpdatedAt">When the last file was imported.</param>
/// <param name="Files">The files imported into the run, in import order.</param>
/// <param name="Totals">Counts by status.</param>
/// <param name="DurationMs">Milliseconds, the sum of every attempt.</param>
/// <param name="InfrastructureFailure">The share of failing tests is above the configured threshold: analytics ignore this run.</param>
/// <param name="Comparison">Null until the run has been compared with its predecessor.</param>
/// <param name="Tests">Every test with its attempts.</param>
public sealed record TestRunReport(
    string RunId,
    TestRunMetadata Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Files,
    TestRunTotals Totals,
    double DurationMs,
    bool InfrastructureFailure,
    RunComparison? Comparison,
    IReadOnlyList<TestRunTest> Tests);
