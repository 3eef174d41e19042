namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>An executed run: what was asked, where it is, its shards, and (once done) the run's totals.</summary>
/// <param name="RunId">The run; its results are read with <see cref="ITestRunGrain"/> under the same id.</param>
/// <param name="Request">What was asked.</param>
/// <param name="Status">Where the run is.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="FinishedAt">When it completed or failed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Shards">Every shard, by index.</param>
/// <param name="Totals">The run's totals once it completed (from the run's results, retries included); null before.</param>
public sealed record TestRunExecution(
    string RunId,
    TestRunStartRequest Request,
    TestRunExecutionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<TestShardReport> Shards,
    TestRunTotals? Totals);
