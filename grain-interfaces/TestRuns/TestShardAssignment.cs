namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>What one shard runs: its tests (null: the whole suite, for adapters that cannot list) and the run it belongs to.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Shard">The shard's index in the run, from 0.</param>
/// <param name="Request">The run's request: suite, metadata and the retry limit.</param>
/// <param name="TestIds">The tests to run, longest expected first; null runs every test of the suite.</param>
public sealed record TestShardAssignment(string RunId, int Shard, TestRunStartRequest Request, IReadOnlyList<string>? TestIds);
