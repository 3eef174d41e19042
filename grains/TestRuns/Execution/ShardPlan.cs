namespace Maestro.Grains.TestRuns.Execution;

/// <summary>One shard as planned: its tests, longest expected first, and their expected total.</summary>
public sealed record ShardPlan(int Shard, IReadOnlyList<string> TestIds, double EstimatedMs);
