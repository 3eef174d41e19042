using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>A shard as stored: written when it starts, after every adapter run (round), and when it ends.</summary>
public sealed class TestShardGrainState
{
    public TestShardAssignment? Assignment { get; set; }

    public TestShardStatus Status { get; set; } = TestShardStatus.Pending;

    public string? Silo { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Adapter runs completed: 1 for the first run of every test, then one per retry round.</summary>
    public int Rounds { get; set; }

    /// <summary>Every test with every attempt so far, in first-seen order; retries are appended to the test's attempts.</summary>
    public List<TestCaseResult> Tests { get; set; } = [];

    /// <summary>The results went into the run (one import per shard, after its last round).</summary>
    public bool Imported { get; set; }
}
