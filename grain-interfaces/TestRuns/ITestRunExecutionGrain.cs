using Maestro.Runtime;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>
/// Executes a run (key: the run id): lists the suite's tests, shards them longest first, runs each shard on its own
/// <see cref="ITestShardGrain"/> and follows them to the end. The results go into <see cref="ITestRunGrain"/> of the same id.
/// </summary>
public interface ITestRunExecutionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the request and starts the run in the background; answers once it is stored. The same request again
    /// answers the run as it is; a different request for a run that exists is refused (<see cref="InvalidOperationException"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid (the message names the field), or names an adapter this silo does not have.</exception>
    Task<TestRunExecution> Start(TestRunStartRequest request);

    /// <summary>The run, or null when none was started under this id.</summary>
    Task<TestRunExecution?> GetExecution();

    /// <summary>
    /// Cancels the run: it is stored as <see cref="TestRunExecutionStatus.Cancelled"/> with <paramref name="reason"/>
    /// as its error, and every shard that has not ended is stopped (a command's process tree is killed). Answers the
    /// run as it is then; a run that had already ended is answered unchanged, and cancelling again is harmless. Null
    /// when no run was started under this id.
    /// </summary>
    Task<TestRunExecution?> Cancel(string reason);

    /// <summary>A shard's grain reports that the shard ended (completed or failed); repeated reports are harmless.</summary>
    Task ReportShard(TestShardReport report);
}
