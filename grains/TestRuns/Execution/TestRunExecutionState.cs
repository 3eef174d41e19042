using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>An executed run as stored: the request, the status, and every shard as last known.</summary>
public sealed class TestRunExecutionState
{
    public TestRunStartRequest? Request { get; set; }

    public TestRunExecutionStatus Status { get; set; } = TestRunExecutionStatus.Queued;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Empty until the tests are listed and sharded.</summary>
    public List<TestShardReport> Shards { get; set; } = [];

    public TestRunTotals? Totals { get; set; }
}
