namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>One shard of an executed run as its grain reports it.</summary>
/// <param name="Shard">The shard's index, from 0.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Silo">The silo that ran (or runs) it; null until it started.</param>
/// <param name="TestIds">Its tests, longest expected first; null when the adapter could not list them and the shard runs the whole suite.</param>
/// <param name="EstimatedMs">The sum of its tests' expected durations, from their history.</param>
/// <param name="AttemptsRun">Adapter runs made so far (1 plus the retry rounds).</param>
/// <param name="Tests">Tests with results so far.</param>
/// <param name="StartedAt">When its grain started it.</param>
/// <param name="FinishedAt">When it completed or failed.</param>
/// <param name="Error">Why it failed.</param>
public sealed record TestShardReport(
    int Shard,
    TestShardStatus Status,
    string? Silo,
    IReadOnlyList<string>? TestIds,
    double EstimatedMs,
    int AttemptsRun,
    int Tests,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);
