using Maestro.Runtime;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>
/// Runs one shard of a run (key: <see cref="TestShardKey.For"/>): its tests through the suite's adapter, retries of
/// what failed with every attempt kept, then adds the results to the run. Placed by activation count, so shards spread
/// over the silos.
/// </summary>
public interface ITestShardGrain : IGrainWithStringKey
{
    /// <summary>Stores the assignment and starts the shard in the background; answers with the shard as stored. Starting again is harmless.</summary>
    Task<TestShardReport> Start(TestShardAssignment assignment);

    /// <summary>The shard as stored; a shard whose silo died while it ran resumes when this is called.</summary>
    Task<TestShardReport?> GetReport();

    /// <summary>
    /// Stops the shard for good, as its run was cancelled: a round in progress is stopped and nothing is added to the
    /// run. A shard that had ended keeps its status; a shard not yet started never starts. Answers the status it ends
    /// with; repeating it is harmless.
    /// </summary>
    Task<TestShardStatus> Cancel();
}
